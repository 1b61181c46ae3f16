from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk.services.context import Context
from auditdesk.tui.app import AuditdeskApp, build_app


@pytest.fixture
def app(ctx: Context, tmp_path: Path) -> AuditdeskApp:
    """The app exactly as the CLI builds it, with the file tree rooted in the test's folder."""
    return build_app(ctx, start_dir=tmp_path)
