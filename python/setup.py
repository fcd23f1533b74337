"""Build step that puts the body schemas into the package.

The JSON Schemas live once, in mailbridge's jar sources (src/main/resources/schemas); the wheel
carries copies made here, at build time. MAILBRIDGE_SCHEMAS may point elsewhere (a packager's
unpacked jar, say).
"""
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithSchemas(build_py):
    def run(self):
        super().run()
        source = Path(os.environ.get("MAILBRIDGE_SCHEMAS", HERE.parent / "src" / "main" / "resources" / "schemas"))
        schemas = sorted(source.glob("*.json"))
        if not schemas:
            raise SystemExit(f"no schemas in {source}: build from a mailbridge source tree or set MAILBRIDGE_SCHEMAS")
        target = Path(self.build_lib) / "mailbridge_messages" / "schemas"
        target.mkdir(parents=True, exist_ok=True)
        for s in schemas:
            shutil.copyfile(s, target / s.name)


setup(cmdclass={"build_py": BuildWithSchemas})
