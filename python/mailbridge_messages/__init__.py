"""fedora-messaging message classes for the events mailbridge publishes.

Each class validates against the JSON Schema that mailbridge itself checks before publishing
(copied into this package at build time) and renders the event for people: ``summary``,
``__str__``, ``usernames``, ``packages``, ``agent_name``, ``url`` and ``app_name``. They are
registered under the ``fedora.messages`` entry point group with the ``fedora_messaging_schema``
header that mailbridge sets (``mailbridge.<topic>.v1``).
"""

__version__ = "0.1.0"
