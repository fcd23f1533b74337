"""Fedora Account System events, read from FAS2's group mail (fas/group.py).

Bodies are FAS's own, ``{"msg": {"agent", "user", "group"[, "status"]}}``; the sponsor event
claims noggin-messages' class and is not one of ours.
"""
from .base import MailbridgeMessage, accounts, get


class _Group(MailbridgeMessage):
    app = "FAS"

    @property
    def agent_name(self):
        agent = get(self.body, "msg", "agent")
        return agent if accounts(agent) else None

    @property
    def user_name(self):
        user = get(self.body, "msg", "user")
        return user if accounts(user) else None

    @property
    def group(self):
        return get(self.body, "msg", "group")

    @property
    def usernames(self):
        return accounts(self.agent_name, self.user_name)

    @property
    def url(self):
        return f"https://accounts.fedoraproject.org/group/{self.group}/" if self.group else None

    def _user(self):
        return self.user_name or "a member"


class GroupMemberApplyV1(_Group):
    """Someone applied a user (perhaps themselves) to a group, which needs a sponsor."""
    schema_topic = "fas.group.member.apply"

    @property
    def summary(self):
        if self.agent_name and self.agent_name != self.user_name:
            return f"{self.agent_name} applied {self._user()} to the {self.group} group, which needs a sponsor"
        return f"{self._user()} applied to the {self.group} group and needs a sponsor"


class GroupMemberRemoveV1(_Group):
    """A user was removed from a group."""
    schema_topic = "fas.group.member.remove"

    @property
    def summary(self):
        return f"{self.agent_name or 'someone'} removed {self._user()} from the {self.group} group"


class RoleUpdateV1(_Group):
    """A member's role in a group changed (upgraded or downgraded)."""
    schema_topic = "fas.role.update"

    @property
    def summary(self):
        role = get(self.body, "msg", "status", default="another role")
        return f"{self.agent_name or 'someone'} made {self._user()} {role} in the {self.group} group"
