"""Every golden example body of mailbridge against the package built from python/.

Run from the repository root on the installed (or unpacked) wheel:

    PYTHONPATH=<dir with the wheel's contents> python3 -m unittest discover -s python/tests

fedora-messaging is not packaged in Debian. Where it is installed, these tests use the real
``fedora_messaging.message.Message``. Where it is absent (as on Debian CI), a STAND-IN base class
is installed as ``fedora_messaging.message`` before the package is imported: it copies only the
parts of the real class's API that the package relies on (constructor, ``validate`` with
jsonschema, and the default properties). The test says which one it used.
"""
import json
import re
import sys
import types
import unittest
from importlib.metadata import entry_points
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "src" / "test" / "resources" / "mail"
SCHEMAS = ROOT / "src" / "main" / "resources" / "schemas"


def _install_stand_in():
    """A tiny fedora_messaging.message.Message with the real class's API, for machines without it."""

    class Message:
        severity = 20
        topic = ""
        body_schema = {"type": "object"}

        def __init__(self, body=None, headers=None, topic=None, properties=None, severity=None):
            self.body = body or {}
            if topic:
                self.topic = topic
            if severity:
                self.severity = severity
            self._headers = headers or {}

        def validate(self):
            jsonschema.validate(self.body, self.body_schema)

        summary = property(lambda self: self.topic)
        url = property(lambda self: None)
        app_name = property(lambda self: None)
        agent_name = property(lambda self: None)
        usernames = property(lambda self: [])
        packages = property(lambda self: [])

    fm = types.ModuleType("fedora_messaging")
    fm_message = types.ModuleType("fedora_messaging.message")
    fm_message.Message = Message
    fm.message = fm_message
    sys.modules["fedora_messaging"] = fm
    sys.modules["fedora_messaging.message"] = fm_message


try:
    import fedora_messaging.message  # noqa: F401
    BASE = "the real fedora_messaging.message.Message"
except ImportError:
    _install_stand_in()
    BASE = "a STAND-IN for fedora_messaging.message.Message (fedora-messaging is not installed)"
print(f"\nmailbridge-messages tested against {BASE}", file=sys.stderr)


def registered():
    """Header name -> class, from the installed package's fedora.messages entry points."""
    return {ep.name: ep.load() for ep in entry_points(group="fedora.messages") if ep.name.startswith("mailbridge.")}


def examples():
    """(file, event) for every event of every golden expectation."""
    for f in sorted(GOLDEN.rglob("*.events.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(data, list):
            for event in data:
                yield f.relative_to(GOLDEN), event


def schema_for(topic):
    """The schema file whose topic ends the full topic (the longest such)."""
    # A Bugzilla other than bugzilla.redhat.com publishes bugzilla.<instance>.bug.*, one schema.
    topic = re.sub(r"(^|\.)bugzilla\.[a-z0-9][a-z0-9_-]*\.bug\.(new|update)$", r"\1bugzilla.instance.bug.\2", topic)
    parts = topic.split(".")
    for i in range(len(parts)):
        candidate = SCHEMAS / (".".join(parts[i:]) + ".json")
        if candidate.exists():
            return json.loads(candidate.read_text(encoding="utf-8"))
    raise AssertionError(f"no schema for {topic}")


def header_names(headers, prefix):
    return sorted(k[len(prefix):] for k in headers if k.startswith(prefix))


class ExampleBodies(unittest.TestCase):
    def test_every_example_body_satisfies_its_schema(self):
        count = 0
        for f, event in examples():
            schema = schema_for(event["topic"])
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(e.message for e in validator.iter_errors(event["body"]))
            self.assertEqual(errors, [], f"{f}: {event['topic']}")
            count += 1
        self.assertGreater(count, 50)

    def test_a_schema_refuses_a_broken_body(self):
        # The check above must be able to fail: a ref update without its new revision is invalid.
        schema = schema_for("git.ref.update")
        body = next(e["body"] for _, e in examples() if e["topic"].endswith(".git.ref.update"))
        broken = dict(body)
        del broken["new_rev"]
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


class MessageClasses(unittest.TestCase):
    def test_every_header_of_ours_has_a_registered_class_and_no_more(self):
        declared = set()
        for s in SCHEMAS.glob("*.json"):
            header = json.loads(s.read_text(encoding="utf-8"))["x-fedora-messaging-schema"]
            if header.startswith("mailbridge."):
                declared.add(header)
        self.assertEqual(set(registered()), declared)

    def test_each_class_reads_the_shipped_schema_of_its_header(self):
        for header, cls in registered().items():
            schema = cls().body_schema
            self.assertEqual(schema["x-fedora-messaging-schema"], header, cls.__name__)

    def test_every_example_renders_and_names_the_right_people_and_packages(self):
        classes = registered()
        seen = set()
        for f, event in examples():
            header = event["headers"]["fedora_messaging_schema"]
            if not header.startswith("mailbridge."):
                continue  # an upstream class (bugzilla2fedmsg, koji, git hook) renders these
            seen.add(header)
            where = f"{f} ({event['topic']})"
            # Body and topic only: the class must find the people in the body, as a consumer would
            # for a body it validates, not copy them back from the bridge's headers.
            msg = classes[header](body=event["body"], topic=event["topic"])
            msg.validate()
            self.assertTrue(msg.summary and msg.summary != event["topic"], f"{where}: summary {msg.summary!r}")
            self.assertNotIn("None", msg.summary, where)
            self.assertTrue(str(msg).startswith(msg.summary), where)
            self.assertEqual(sorted(msg.usernames),
                             header_names(event["headers"], "fedora_messaging_user_"), f"{where}: usernames")
            self.assertEqual(sorted(msg.packages),
                             header_names(event["headers"], "fedora_messaging_rpm_"), f"{where}: packages")
            self.assertTrue(msg.app_name, where)
            agent = msg.agent_name
            self.assertTrue(agent is None or agent in msg.usernames, f"{where}: agent {agent!r}")
            url = msg.url
            self.assertTrue(url is None or re.match(r"^https?://", url), f"{where}: url {url!r}")
        self.assertEqual(seen, set(classes), "every class has at least one example")

    def test_an_invalid_body_fails_validation(self):
        cls = registered()["mailbridge.svn.commit.v1"]
        with self.assertRaises(jsonschema.ValidationError):
            cls(body={"revision": "not a number"}, topic="svn.commit").validate()


if __name__ == "__main__":
    unittest.main()
