"""Commit and reference events of git, Subversion, Mercurial and CVS commit mail."""
from .base import MailbridgeMessage, accounts, first_line, get, package_names


def _short(rev):
    return rev[:12] if rev else ""


def _ref_name(ref):
    for prefix in ("refs/heads/", "refs/tags/"):
        if ref.startswith(prefix):
            return ref[len(prefix):]
    return ref


class _GitRef(MailbridgeMessage):
    app = "git"

    @property
    def packages(self):
        repo = self.body.get("repo", "")
        # dist-git: the repository of a package is rpms/<package>.
        return package_names(repo[len("rpms/"):]) if repo.startswith("rpms/") else []

    def _who(self):
        return self.body.get("agent") or "someone"

    def _what(self):
        return f"{self.body.get('ref_type', 'reference')} {_ref_name(self.body.get('ref', ''))}"

    def _details(self):
        b = self.body
        commits = [f"{c.get('rev', '')} {c.get('summary', '')}".strip() for c in b.get("commits", [])]
        return [("Repository", b.get("repo")), ("Reference", b.get("ref")),
                ("Old revision", b.get("old_rev")), ("New revision", b.get("new_rev")),
                ("Commits", "\n  " + "\n  ".join(commits) if commits else None)]


class GitRefCreateV1(_GitRef):
    """A reference (branch, tag) created by a push."""
    schema_topic = "git.ref.create"

    @property
    def summary(self):
        return f"{self._who()} created {self._what()} in {self.body.get('repo', '')}"


class GitRefUpdateV1(_GitRef):
    """A reference moved by a push: the commits it gained."""
    schema_topic = "git.ref.update"

    @property
    def summary(self):
        n = len(self.body.get("commits", []))
        verb = "force-pushed" if self.body.get("forced") else "pushed"
        count = f"{n} commit{'s' if n != 1 else ''} to " if n else ""
        return f"{self._who()} {verb} {count}{self._what()} in {self.body.get('repo', '')}"


class GitRefDeleteV1(_GitRef):
    """A reference deleted by a push."""
    schema_topic = "git.ref.delete"

    @property
    def summary(self):
        return f"{self._who()} deleted {self._what()} in {self.body.get('repo', '')}"


class _Commit(MailbridgeMessage):
    """A commit of any system; the ``scm`` object is the same for all of them."""

    @property
    def agent_name(self):
        author = self.body.get("author")
        return author if accounts(author) else None

    @property
    def usernames(self):
        # The author's account, when the bridge's resolver knew the address, besides the login.
        return accounts(self.agent_name, get(self.body, "scm", "author", "username"))

    @property
    def url(self):
        return self.body.get("url")

    def _rev(self):
        return str(get(self.body, "scm", "rev", default=""))

    def _author_label(self):
        return (self.agent_name or get(self.body, "scm", "author", "name", default="")
                or get(self.body, "scm", "author", "email", default="") or "someone")

    @property
    def summary(self):
        what = first_line(get(self.body, "scm", "summary", default="") or self.body.get("message", ""))
        where = self.body.get("repo") or get(self.body, "scm", "repo", default="") or "a repository"
        return f"{self._author_label()} committed {self._rev_label()} to {where}" + (f": {what}" if what else "")

    def _rev_label(self):
        return _short(self._rev())

    def _details(self):
        b = self.body
        files = get(b, "scm", "files", default=[])
        return [("Repository", b.get("repo")), ("Branch", get(b, "scm", "branch")), ("Revision", self._rev()),
                ("Author", get(b, "scm", "author", "name") or b.get("author")),
                ("Files", ", ".join(files) if files else None),
                ("Message", "\n" + b.get("message") if b.get("message") else None)]


class SvnCommitV1(_Commit):
    """One Subversion revision."""
    schema_topic = "svn.commit"
    app = "Subversion"

    def _rev_label(self):
        return f"r{self.body.get('revision')}"


class HgCommitV1(_Commit):
    """One Mercurial changeset."""
    schema_topic = "hg.commit"
    app = "Mercurial"


class CvsCommitV1(_Commit):
    """One CVS commit mail (one directory, or several with log_accum)."""
    schema_topic = "cvs.commit"
    app = "CVS"

    @property
    def summary(self):
        what = first_line(self.body.get("message", ""))
        where = self.body.get("directory") or self.body.get("module") or self.body.get("repo", "")
        n = len(self.body.get("files", []))
        return (f"{self._author_label()} committed {n} file{'s' if n != 1 else ''} to {where}"
                + (f": {what}" if what else ""))
