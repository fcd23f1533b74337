"""Bodhi update events, read from Bodhi's update notification mail (bodhi/server/mail.py)."""
from .base import MailbridgeMessage, accounts, get, package_names

# The subject's [kind], as people say it.
_KINDS = {
    "new": "submitted", "edited": "edited", "deleted": "deleted", "testing": "requested for testing",
    "stable": "requested for stable", "unpush": "requested to be unpushed", "obsolete": "obsoleted",
    "revoke": "had its request revoked", "moved": "moved to stable", "unpushed": "unpushed",
    "stablekarma": "reached its stable karma threshold", "unstable": "reached its unstable karma threshold",
    "old_testing": "has been in testing for long", "security": "security notice",
}


def _name_of(nvr):
    """The package of a build: name-version-release without the last two parts."""
    parts = nvr.rsplit("-", 2)
    return parts[0] if len(parts) == 3 else None


class _Update(MailbridgeMessage):
    app = "bodhi"
    schema_topic = "bodhi.update.new"

    @property
    def submitter(self):
        return get(self.body, "update", "user", "name")

    @property
    def usernames(self):
        return accounts(self.agent_name, self.submitter)

    @property
    def packages(self):
        return package_names(*(_name_of(b.get("nvr", "")) for b in get(self.body, "update", "builds", default=[])))

    @property
    def url(self):
        return get(self.body, "update", "url") or None

    def _title(self):
        return get(self.body, "update", "alias") or get(self.body, "update", "title", default="an update")

    def _details(self):
        u = self.body.get("update", {})
        return [("Title", u.get("title")), ("Release", get(u, "release", "name")), ("Status", u.get("status")),
                ("Request", u.get("request")), ("Type", u.get("type")), ("Karma", u.get("karma")),
                ("Builds", ", ".join(b.get("nvr", "") for b in u.get("builds", []))),
                ("Bugs", ", ".join(str(b.get("bug_id")) for b in u.get("bugs", [])))]


class BodhiUpdateV1(_Update):
    """The update mail bodhi-messages has no class for: new, deleted, security, moved, unpushed,
    old_testing. (Comments, pushes, edits, requests and karma thresholds claim Bodhi's own classes.)"""

    @property
    def summary(self):
        kind = self.body.get("mail_type", "")
        if kind == "pushed":
            what = f"pushed to {get(self.body, 'update', 'status', default='its repository')}"
        else:
            what = _KINDS.get(kind, kind or "changed")
        who = self.submitter or "someone"
        return f"{who}'s {get(self.body, 'update', 'title', default='')} update {self._title()}: {what}"
