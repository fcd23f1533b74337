"""Pagure issue and pull-request events, read from Pagure's notification mail."""
from .base import MailbridgeMessage, accounts, get


class _Pagure(MailbridgeMessage):
    app = "pagure"
    #: "issue" or "pullrequest": the object the event is about.
    subject = "issue"

    def _obj(self, *path):
        return get(self.body, self.subject, *path)

    def _ref(self):
        mark = "#" if self.subject == "issue" else " PR#"
        return f"{get(self.body, 'project', 'fullname', default='')}{mark}{self._obj('id')}"

    @property
    def url(self):
        return self._obj("full_url")

    def _who(self):
        return self.body.get("agent") or "someone"

    def _details(self):
        return [("Project", get(self.body, "project", "fullname")), ("Title", self._obj("title")),
                ("Opened by", self._obj("user", "name")), ("Comment", get(self.body, "comment", "comment"))]


class IssueNewV1(_Pagure):
    schema_topic = "pagure.issue.new"

    @property
    def usernames(self):
        return accounts(self.agent_name, self._obj("assignee", "name"))

    @property
    def summary(self):
        return f"{self._who()} opened issue {self._ref()}: {self._obj('title')}"


class IssueCommentAddedV1(_Pagure):
    schema_topic = "pagure.issue.comment.added"

    @property
    def usernames(self):
        return accounts(self.agent_name, self._obj("user", "name"), self._obj("assignee", "name"))

    @property
    def summary(self):
        return f"{self._who()} commented on issue {self._ref()}: {self._obj('title')}"


class IssueAssignedAddedV1(_Pagure):
    schema_topic = "pagure.issue.assigned.added"

    @property
    def usernames(self):
        return accounts(self.agent_name, self._obj("assignee", "name"))

    @property
    def summary(self):
        return f"{self._who()} assigned issue {self._ref()} to {self._obj('assignee', 'name')}"


class IssueAssignedResetV1(_Pagure):
    schema_topic = "pagure.issue.assigned.reset"

    @property
    def summary(self):
        return f"{self._who()} reset the assignee of issue {self._ref()}"


class IssueEditV1(_Pagure):
    schema_topic = "pagure.issue.edit"

    @property
    def usernames(self):
        return accounts(self.agent_name, self._obj("user", "name"))

    @property
    def summary(self):
        status = self._obj("status") or "edited"
        close = self._obj("close_status")
        return f"{self._who()} set issue {self._ref()} to {status}" + (f" ({close})" if close else "")


class _PullRequest(_Pagure):
    subject = "pullrequest"

    @property
    def usernames(self):
        return accounts(self.agent_name, self._obj("user", "name"))


class PullRequestNewV1(_PullRequest):
    schema_topic = "pagure.pull-request.new"

    @property
    def usernames(self):
        return accounts(self.agent_name)

    @property
    def summary(self):
        return f"{self._who()} opened pull request {self._ref()}: {self._obj('title')}"


class PullRequestCommentAddedV1(_PullRequest):
    schema_topic = "pagure.pull-request.comment.added"

    @property
    def summary(self):
        return f"{self._who()} commented on pull request {self._ref()}: {self._obj('title')}"


class PullRequestClosedV1(_PullRequest):
    schema_topic = "pagure.pull-request.closed"

    @property
    def summary(self):
        verb = "merged" if self.body.get("merged") else "closed without merging"
        return f"{self._who()} {verb} pull request {self._ref()}: {self._obj('title')}"


class PullRequestReopenedV1(_PullRequest):
    schema_topic = "pagure.pull-request.reopened"

    @property
    def summary(self):
        return f"{self._who()} reopened pull request {self._ref()}: {self._obj('title')}"


class PullRequestAssignedAddedV1(_PullRequest):
    schema_topic = "pagure.pull-request.assigned.added"

    @property
    def usernames(self):
        return accounts(self.agent_name, self._obj("assignee", "name"), self._obj("user", "name"))

    @property
    def summary(self):
        return f"{self._who()} assigned pull request {self._ref()} to {self._obj('assignee', 'name')}"


class PullRequestAssignedResetV1(_PullRequest):
    schema_topic = "pagure.pull-request.assigned.reset"

    @property
    def summary(self):
        return f"{self._who()} reset the assignee of pull request {self._ref()}"
