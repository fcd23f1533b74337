"""What every mailbridge message class shares: its schema file and the account-name rule."""
import json
import re
from functools import lru_cache
from importlib import resources

from fedora_messaging.message import Message

# The bridge's rule for what may become a fedora_messaging_user_<name> header: a login, never a
# display name or an address (org.mailbridge.spi.AccountNames).
_ACCOUNT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")
_PACKAGE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._+-]{0,63}$")


@lru_cache(maxsize=None)
def load_schema(topic):
    """The body schema of a topic suffix, as shipped in this package."""
    text = resources.files(__package__).joinpath("schemas", topic + ".json").read_text(encoding="utf-8")
    return json.loads(text)


def accounts(*candidates):
    """The account names among the candidates, sorted, without duplicates."""
    return sorted({c for c in candidates if isinstance(c, str) and _ACCOUNT.match(c)})


def package_names(*candidates):
    """The package names among the candidates, sorted, without duplicates."""
    return sorted({c for c in candidates if isinstance(c, str) and _PACKAGE.match(c)})


def first_line(text, limit=80):
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def get(body, *path, default=None):
    """body[a][b]... or default when any step is missing or null."""
    node = body
    for key in path:
        if not isinstance(node, dict) or node.get(key) is None:
            return default
        node = node[key]
    return node


class MailbridgeMessage(Message):
    """Base of mailbridge's classes: the body schema is the shipped ``schemas/<schema_topic>.json``."""

    #: The topic suffix whose schema file validates the body.
    schema_topic = None
    #: The application the mail came from, for people.
    app = "mailbridge"

    @property
    def body_schema(self):
        return load_schema(self.schema_topic)

    @property
    def app_name(self):
        return self.app

    @property
    def agent_name(self):
        agent = self.body.get("agent")
        return agent if accounts(agent) else None

    @property
    def usernames(self):
        return accounts(self.agent_name)

    @property
    def packages(self):
        return []

    @property
    def url(self):
        return None

    def _details(self):
        """(label, value) lines for __str__, after the summary."""
        return []

    def __str__(self):
        lines = [self.summary, ""]
        for label, value in self._details():
            if value not in (None, "", []):
                lines.append(f"{label}: {value}")
        if self.url:
            lines.append(f"URL: {self.url}")
        return "\n".join(lines).rstrip() + "\n"
