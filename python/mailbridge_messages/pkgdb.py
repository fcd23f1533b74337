"""pkgdb events, read from pkgdb2's notification mail."""
from .base import MailbridgeMessage, accounts, package_names


class _Pkgdb(MailbridgeMessage):
    app = "pkgdb"

    @property
    def packages(self):
        return package_names(self.body.get("package_name"))

    @property
    def url(self):
        name = self.body.get("package_name")
        return f"https://admin.fedoraproject.org/pkgdb/package/{name}" if name else None

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
        return accounts(self.agent_name, self.body.get("username"))

    @property
    def summary(self):
        b = self.body
        return (f"{b.get('agent') or 'someone'} made {b.get('username')} the point of contact of "
                f"{b.get('package_name')}{self._on()}")


class PackageUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.package.update"

    @property
    def summary(self):
        return f"{self.body.get('agent') or 'someone'} updated {self.body.get('package_name')}"

    def _details(self):
        return super()._details() + [("Change", self.body.get("message"))]


class PackageStatusUpdateV1(_Pkgdb):
    schema_topic = "pkgdb.package.update.status"

    @property
    def summary(self):
        b = self.body
        return f"{b.get('agent') or 'someone'} set {b.get('package_name')}{self._on()} to {b.get('status')}"
