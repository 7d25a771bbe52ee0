"""config/nginx.conf as production and the bench run it: nginx itself accepts it (a regex
with braces unquoted, say, stops nginx from starting at all)."""

import subprocess

import pytest

from config.bench.servers import nginx_config


@pytest.mark.slow
def test_nginx_accepts_the_config(tmp_path):
    tmp_path.chmod(0o755)
    (tmp_path / "nginx.conf").write_text(nginx_config(tmp_path))

    checked = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr
