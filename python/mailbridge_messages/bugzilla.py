"""Bugzilla events of instances other than bugzilla.redhat.com (bugzilla.<instance>.bug.*).

bugzilla.redhat.com's events keep bugzilla2fedmsg's schema and are rendered by
bugzilla2fedmsg-schema's classes. Another instance's body has the same shape plus ``instance``
{name, url}, ``url`` (the bug's page there) and ``packages``; these classes read them, so a
consumer never links such a bug to bugzilla.redhat.com or takes its components for Fedora's.
"""
from .base import MailbridgeMessage, accounts, get, load_schema, package_names


def _comma_join(fields):
    """The fields as bugzilla2fedmsg-schema joins them: 'a', 'a' and 'b', 'a', 'b', and 'c'."""
    quoted = [f"'{f}'" for f in fields if f]
    if not quoted:
        return "something unknown"
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


class BugzillaBugV1(MailbridgeMessage):
    """A bug filed or changed on a Bugzilla other than bugzilla.redhat.com."""
    schema_topic = "bugzilla.instance.bug.update"
    app = "Bugzilla"

    @property
    def body_schema(self):
        new = (self.topic or "").endswith(".bug.new")
        return load_schema("bugzilla.instance.bug.new" if new else self.schema_topic)

    @property
    def agent_name(self):
        agent = self.body.get("agent_name")
        return agent if accounts(agent) else None

    @property
    def usernames(self):
        return accounts(*(self.body.get("usernames") or []))

    @property
    def packages(self):
        return package_names(*(self.body.get("packages") or []))

    @property
    def url(self):
        return self.body.get("url")

    @property
    def summary(self):
        user = self.agent_name or get(self.body, "event", "user", "login", default="someone") or "someone"
        bug = f"{get(self.body, 'instance', 'name', default='bugzilla')} bug {get(self.body, 'bug', 'id', default='?')}"
        title = get(self.body, "bug", "summary", default="")
        title = title if len(title) <= 40 else title[:40] + "..."
        action = get(self.body, "event", "action", default="modify")
        target = get(self.body, "event", "target", default="bug")
        if target == "bug" and action == "create":
            return f"{user} filed a new {bug} '{title}'"
        if action == "create":
            return f"{user} added {target} on {bug} '{title}'"
        fields = _comma_join([c.get("field") or c.get("field_name", "") for c in get(self.body, "event", "changes", default=[])])
        on = f" for {target}" if target != "bug" else ""
        return f"{user} updated {fields}{on} on {bug} '{title}'"

    def _details(self):
        b = self.body
        return [("Product", get(b, "bug", "product")), ("Component", get(b, "bug", "component")),
                ("Status", get(b, "bug", "status", "name"))]
