"""`jiceng admin` against a real data directory, while the server runs on it."""
import os
import shutil
import subprocess

from conftest import BINARY


def admin(*arguments):
    return subprocess.run([BINARY, "admin", *arguments], capture_output=True, text=True, timeout=60)


def test_backup_check_and_migrate(demo, tmp_path):
    backup = str(tmp_path / "backup.sqlite")
    done = admin("backup", "--data", demo.data, "--to", backup)
    assert done.returncode == 0, done.stderr
    again = admin("backup", "--data", demo.data, "--to", backup)
    assert again.returncode == 1 and "已存在" in again.stderr

    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(backup, restored / "jiceng.sqlite")
    checked = admin("check", "--data", str(restored))
    assert checked.returncode == 0 and "数据库完好" in checked.stderr, checked.stderr
    listed = admin("token", "list", "--data", str(restored))
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) > len(demo.tokens)

    migrated = admin("migrate", "--data", demo.data)
    assert migrated.returncode == 0 and "platform" in migrated.stderr, migrated.stderr


def test_damaged_database_fails_the_check(tmp_path):
    (tmp_path / "jiceng.sqlite").write_bytes(b"not a database at all" * 100)
    checked = admin("check", "--data", str(tmp_path))
    assert checked.returncode != 0


def test_usage_mistakes_are_refused(tmp_path):
    assert admin("token", "issue", "--data", str(tmp_path)).returncode == 64
    assert admin("token", "frobnicate").returncode == 64
    assert admin("token", "list", "--data", str(tmp_path), "--colour", "red").returncode == 64
    missing = admin("check", "--data", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "没有数据库" in missing.stderr
    assert not os.path.exists(tmp_path / "nowhere")
    bad_expiry = admin("token", "issue", "--data", str(tmp_path), "--org", "X", "--role", "AUDITOR", "--expires", "soon")
    assert bad_expiry.returncode == 64
