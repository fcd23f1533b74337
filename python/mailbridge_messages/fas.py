"""Fedora Account System events, read from FAS mail."""
from .base import MailbridgeMessage, accounts


class GroupMemberApplyV1(MailbridgeMessage):
    """A user applied to a group and waits for a sponsor."""
    schema_topic = "fas.group.member.apply"
    app = "FAS"

    @property
    def usernames(self):
        return accounts(self.body.get("user"))

    @property
    def summary(self):
        return f"{self.body.get('user')} applied to the {self.body.get('group')} group and needs a sponsor"

    @property
    def url(self):
        group = self.body.get("group")
        return f"https://accounts.fedoraproject.org/group/{group}/" if group else None
