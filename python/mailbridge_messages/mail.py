"""A mail no parser claims, published as is (unclaimed = "publish")."""
from .base import MailbridgeMessage


class MailReceivedV1(MailbridgeMessage):
    """A generic mail event: sender, recipients, subject and the start of the text."""
    schema_topic = "mail.received"

    @property
    def agent_name(self):
        return None

    @property
    def summary(self):
        sender = self.body.get("from") or {}
        who = sender.get("name") or sender.get("email") or "unknown sender"
        return f"Mail from {who}: {self.body.get('subject') or '(no subject)'}"

    def _details(self):
        b = self.body
        to = ", ".join(a.get("email", "") for a in b.get("to", []))
        return [("From", (b.get("from") or {}).get("email")), ("To", to), ("Subject", b.get("subject")),
                ("Message-ID", b.get("message_id")), ("Text", "\n" + b.get("body", "") if b.get("body") else None)]
