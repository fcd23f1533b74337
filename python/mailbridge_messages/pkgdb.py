"""pkgdb events, read from pkgdb2's notification mail (lib/utils.py log())."""
from .base import MailbridgeMessage, accounts, package_names


class _Pkgdb(MailbridgeMessage):
    app = "pkgdb"

    @property
    def packages(self):
        return package_names(self.body.get("package_name"))

    @property
    def url(self):
        name = self.body.get("package_name")
        return self.body.get("url") or (f"https://admin.fedoraproject.org/pkgdb/package/{name}" if name else None)

    def _on(self):
        branch = self.body.get("branch")
        return f" on {branch}" if branch else ""

    def _details(self):
        return [("Package", self.body.get("package_name")), ("Branch", self.body.get("branch"))]


class AclUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.acl.update"

    @property
    def usernames(self):
        return accounts(self.agent_name, self.body.get("username"))

    @property
    def summary(self):
        b = self.body
        return (f"{b.get('agent') or 'someone'} set the {b.get('acl')} ACL of {b.get('username')} on "
                f"{b.get('package_name')}{self._on()} to {b.get('status')}")


class OwnerUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.owner.update"

    @property
    def usernames(self):
        return accounts(self.agent_name, self.body.get("username"), self.body.get("previous_owner"))

    @property
    def summary(self):
        b = self.body
        if b.get("username") == "orphan":
            return f"{b.get('agent') or 'someone'} orphaned {b.get('package_name')}{self._on()}"
        return (f"{b.get('agent') or 'someone'} made {b.get('username')} the point of contact of "
                f"{b.get('package_name')}{self._on()}")

    def _details(self):
        return super()._details() + [("Previous point of contact", self.body.get("previous_owner"))]


class PackageStatusUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.package.update.status"

    @property
    def summary(self):
        b = self.body
        return f"{b.get('agent') or 'someone'} set {b.get('package_name')}{self._on()} to {b.get('status')}"

    def _details(self):
        return super()._details() + [("Previous status", self.body.get("prev_status"))]


class BranchRequestV1(_Pkgdb):
    schema_topic = "pkgdb.package.branch.request"

    @property
    def summary(self):
        b = self.body
        return f"{b.get('agent') or 'someone'} requested the {b.get('branch')} branch of {b.get('package_name')}"


class BranchNewV1(_Pkgdb):
    schema_topic = "pkgdb.package.branch.new"

    @property
    def summary(self):
        b = self.body
        return f"{b.get('agent') or 'someone'} created the {b.get('branch')} branch of {b.get('package_name')}"


class PackageNewV1(_Pkgdb):
    schema_topic = "pkgdb.package.new"

    @property
    def usernames(self):
        return accounts(self.agent_name, self.body.get("point_of_contact"))

    @property
    def summary(self):
        b = self.body
        return (f"{b.get('agent') or 'someone'} created {b.get('package_name')}{self._on()} for "
                f"{b.get('point_of_contact')}")


class MonitorUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.package.monitor.update"

    @property
    def summary(self):
        b = self.body
        return f"{b.get('agent') or 'someone'} set the monitoring of {b.get('package_name')} to {b.get('status')}"


class KoscheiUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.package.koschei.update"

    @property
    def summary(self):
        b = self.body
        return (f"{b.get('agent') or 'someone'} set the Koschei monitoring of {b.get('package_name')} to "
                f"{b.get('status')}")


class AdminActionUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.admin.action.status.update"

    @property
    def summary(self):
        b = self.body
        return (f"{b.get('agent') or 'someone'} moved action {b.get('action_id')} on {b.get('package_name')} "
                f"from {b.get('old_status')} to {b.get('new_status')}")

    def _details(self):
        return super()._details() + [("Message", self.body.get("message"))]
