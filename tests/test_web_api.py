"""``lintlaw serve`` in process: the JSON API answers as the CLI does, coded errors, limits, headers."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")
from starlette.testclient import TestClient  # noqa: E402

from lintlaw.api import lint_path  # noqa: E402
from lintlaw.config import Config  # noqa: E402
from lintlaw.engine import load_rules  # noqa: E402
from lintlaw.protocol.run import compare_one, compare_two  # noqa: E402
from lintlaw.report.json_format import as_dict  # noqa: E402
from lintlaw.web.app import create_app  # noqa: E402
from lintlaw.web.settings import ServeSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT / "corpus" / "laws"
BILLS = ROOT / "corpus" / "bills"
LAW = "lk_saarc-convention-implementation-act_2005.txt"
LIMIT = 2 * 1024 * 1024

pytestmark = pytest.mark.xdist_group("web")


@pytest.fixture(scope="module")
def client():
    app = create_app(ServeSettings(max_upload_bytes=LIMIT, workers=1, time_limit=120))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


def in_folder(folder: Path, call):
    """Run ``call`` with ``folder`` as the working directory, so paths print as bare file names."""
    old = Path.cwd()
    os.chdir(folder)
    try:
        return call()
    finally:
        os.chdir(old)


def upload(path: Path, field: str = "file") -> dict:
    return {field: (path.name, path.read_bytes())}


def test_check_returns_the_cli_json(client, ruleset):
    answer = client.post("/api/check", files=upload(LAWS / LAW))
    assert answer.status_code == 200
    expected = as_dict(in_folder(LAWS, lambda: lint_path([LAW], config=Config(), ruleset=ruleset)), ruleset)
    assert answer.json() == expected
    assert answer.json()["schema_version"] == "1" and answer.json()["findings"]


def test_pasted_text_is_linted(client):
    text = '"Trafficking" means the moving of women for prostitution, with or without their consent.'
    answer = client.post("/api/check", data={"text": text})
    assert answer.status_code == 200
    codes = {f["code"] for f in answer.json()["findings"]}
    assert {"LL101", "LL102"} <= codes


def test_compare_returns_the_cli_json(client, ruleset):
    answer = client.post("/api/compare", files=upload(LAWS / LAW))
    assert answer.status_code == 200
    expected = in_folder(LAWS, lambda: compare_one(LAW, config=Config(), ruleset=ruleset)).data
    assert answer.json() == json.loads(json.dumps(expected))


def test_compare_with_an_earlier_version_returns_the_against_json(client, ruleset):
    new, old = "anti-trafficking-bill-conflated.md", "anti-trafficking-bill-aligned.md"
    files = {"file": (new, (BILLS / new).read_bytes()), "earlier": (old, (BILLS / old).read_bytes())}
    answer = client.post("/api/compare", files=files)
    assert answer.status_code == 200
    expected = in_folder(BILLS, lambda: compare_two(new, old, config=Config(), ruleset=ruleset)).data
    assert answer.json() == json.loads(json.dumps(expected))
    assert answer.json()["mode"] == "against" and answer.json()["introduced"]


def _builders():
    import importlib.util

    spec = importlib.util.spec_from_file_location("ingest_builders", ROOT / "tests" / "fixtures" / "ingest" / "builders.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


DEFINITION = '"Trafficking" means the moving of women for prostitution, with or without their consent.'


def every_format() -> dict[str, tuple[bytes, str]]:
    builders = _builders()
    return {
        "law.txt": (DEFINITION.encode(), "text"),
        "law.md": (f"---\ntitle: A bill\n---\n# A bill\n\n1. {DEFINITION}\n".encode(), "markdown"),
        "law.html": (f"<html lang='en'><body><h1>A bill</h1><p>1. {DEFINITION}</p></body></html>".encode(), "html"),
        "law.docx": (builders.docx_bytes(lambda d: d.add_paragraph(f"1. {DEFINITION}")), "docx"),
        "law.pdf": (builders.pdf_bytes([[f"1. {DEFINITION[:60]}", DEFINITION[60:]]]), "pdf"),
        "act.xml": ((ROOT / "tests" / "fixtures" / "ingest" / "act_akn3.xml").read_bytes(), "akn"),
    }


def test_every_format_of_the_page_is_read(client):
    for name, (data, fmt) in every_format().items():
        answer = client.post("/api/check", files={"file": (name, data)})
        assert answer.status_code == 200, (name, answer.text)
        assert answer.json()["files"][0]["path"] == name
        if fmt != "akn":  # the Akoma Ntoso fixture is a neutral act
            assert "LL102" in {f["code"] for f in answer.json()["findings"]}, name


def test_language_is_detected_and_can_be_overridden(client):
    german = upload(LAWS / "de_prostschg_2016.txt")
    assert client.post("/api/check", files=german).json()["files"][0]["language"] == "de"
    forced = client.post("/api/check", files=german, data={"language": "en"})
    assert forced.json()["files"][0]["language"] == "en"
    wrong = client.post("/api/check", files=german, data={"language": "xx"})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "E375"


def zip_bomb() -> bytes:
    """A DOCX-shaped ZIP whose document.xml expands to 300 MB of zeros (about 300 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


BROKEN = {
    "broken.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer <<>>\n", "E105"),
    "bomb.docx": (zip_bomb(), "E105"),
    "laughs.xml": ((ROOT / "tests" / "fixtures" / "ingest" / "billion_laughs.xml").read_bytes(), "E106"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_unreadable_uploads_give_the_cli_coded_errors(client, name):
    data, code = BROKEN[name]
    checked = client.post("/api/check", files={"file": (name, data)})
    assert checked.status_code == 422
    assert [e["code"] for e in checked.json()["errors"]] == [code]
    assert checked.json()["errors"][0]["file"] == name
    compared = client.post("/api/compare", files={"file": (name, data)})
    assert compared.status_code == 422 and compared.json()["error"]["code"] == code
    page = client.post("/analyse", files={"file": (name, data)}, headers={"accept": "application/json"})
    assert page.status_code == 422 and page.json()["error"]["code"] == code


def test_a_request_over_the_limit_is_refused_with_413(client):
    big = {"file": ("big.txt", b"a" * (LIMIT + 1))}
    answer = client.post("/api/check", files=big)
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "E371" and "2 MB limit" in answer.json()["error"]["message"]


def test_a_streamed_body_over_the_limit_is_refused_with_413(client):
    boundary = "lintlawboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    def chunks():  # no Content-Length: the limit is enforced while the body is read
        yield head
        for _ in range(3):
            yield b"a" * (1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    answer = client.post("/api/check", content=chunks(),
                         headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "E371"


def test_a_request_without_a_law_is_a_coded_400(client):
    empty = client.post("/api/check", data={"text": "  "})
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "E374"
    both = client.post("/api/check", data={"text": "a law"}, files=upload(LAWS / LAW))
    assert both.status_code == 400 and both.json()["error"]["code"] == "E374"
    earlier = client.post("/api/check", files={**upload(LAWS / LAW), **upload(LAWS / LAW, "earlier")})
    assert earlier.status_code == 400 and earlier.json()["error"]["code"] == "E374"
    assert client.post("/api/check", content=b"{}", headers={"content-type": "application/json"}).status_code == 400


def csp_sources(policy: str) -> list[str]:
    return [token for token in policy.replace(";", " ").split() if "://" in token or token.endswith(":")
            and token not in ("data:",)]


def test_every_response_has_strict_security_headers(client):
    analysed = client.post("/analyse", files=upload(BILLS / "anti-trafficking-bill-conflated.md"),
                           headers={"accept": "application/json"}).json()
    for url in ["/", "/assets/app.js", "/openapi.json", analysed["report"], "/results/nothing/report.html"]:
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert csp_sources(policy) == [], f"{url}: external source in {policy}"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
    report = client.get(analysed["report"]).headers
    assert "sandbox allow-scripts" in report["content-security-policy"]
    assert client.get("/").headers["x-frame-options"] == "DENY"


def test_the_page_loads_nothing_from_elsewhere(client):
    page = client.get("/").text
    for marker in ("http://", "https://", "//cdn", "@import"):
        assert marker not in page
    assert "up to 2 MB" in page
    assert 'src="/assets/app.js"' in page and 'href="/assets/app.css"' in page
    for asset in ("app.js", "app.css"):
        text = client.get(f"/assets/{asset}").text
        assert "http://" not in text and "https://" not in text
    assert client.get("/assets/../app.py").status_code == 404


def test_the_page_result_has_the_report_with_the_protocol_and_every_download(client, ruleset):
    analysed = client.post("/analyse", files=upload(LAWS / LAW), headers={"accept": "application/json"})
    assert analysed.status_code == 200
    data = analysed.json()
    assert data["language"] == data["detected_language"] == "en" and data["findings"] > 0
    report = client.get(data["report"])
    assert report.headers["content-type"].startswith("text/html")
    assert 'id="protocol"' in report.text and "Compared with the Palermo Protocol" in report.text
    assert report.text.count('class="finding') >= data["findings"]
    labels = {d["label"]: d for d in data["downloads"]}
    assert {"HTML report", "SARIF", "JSON", "CSV"} <= set(labels)
    expected = as_dict(in_folder(LAWS, lambda: lint_path([LAW], config=Config(), ruleset=ruleset)), ruleset)
    assert client.get(labels["JSON"]["url"]).json() == expected
    sarif = client.get(labels["SARIF"]["url"])
    assert sarif.headers["content-type"] == "application/sarif+json" and sarif.json()["version"] == "2.1.0"
    csv = client.get(labels["CSV"]["url"])
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.count("\n") == data["findings"] + 1
    html = client.get(labels["HTML report"]["url"])
    assert html.headers["content-disposition"] == f'attachment; filename="{labels["HTML report"]["name"]}"'


def test_a_plain_form_post_is_redirected_to_the_report(client):
    answer = client.post("/analyse", files=upload(LAWS / LAW), headers={"accept": "text/html"},
                         follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith("/report.html")
    error = client.post("/analyse", data={"text": ""}, headers={"accept": "text/html"})
    assert error.status_code == 400 and "E374" in error.text and error.headers["content-type"].startswith("text/html")


def test_an_unknown_result_is_a_coded_404(client):
    answer = client.get("/results/unknown/lintlaw.json")
    assert answer.status_code == 404
    assert "E376" in answer.text


def test_pdf_download_is_printed_by_chromium_or_explained(client, monkeypatch):
    analysed = client.post("/analyse", files=upload(BILLS / "anti-trafficking-bill-conflated.md"),
                           headers={"accept": "application/json"}).json()
    monkeypatch.setenv("LINTLAW_CHROMIUM", "")
    missing = client.get(f"/results/{analysed['id']}/report.pdf", headers={"accept": "application/json"})
    assert missing.status_code == 501 and missing.json()["error"]["code"] == "E377"
    assert missing.json()["error"]["message"].startswith("PDF download needs Chromium")
    monkeypatch.delenv("LINTLAW_CHROMIUM")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no Chromium here to print a PDF")
    printed = client.get(f"/results/{analysed['id']}/report.pdf?download=1")
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF")
    assert printed.headers["content-type"] == "application/pdf"


def test_openapi_describes_every_api_route_and_its_answers(client):
    jsonschema = pytest.importorskip("jsonschema")
    schema = client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    routes = {r.path for r in client.app.routes if r.path.startswith("/api/")}
    assert set(schema["paths"]) == routes

    def validate(data: dict, component: str) -> None:
        jsonschema.validate(data, {"$ref": f"#/components/schemas/{component}", "components": schema["components"]})

    validate(client.post("/api/check", files=upload(LAWS / LAW)).json(), "CheckReport")
    validate(client.post("/api/compare", files=upload(LAWS / LAW)).json(), "CompareReport")
    validate(client.post("/api/compare", files={"file": ("x.pdf", b"%PDF-broken")}).json(), "Error")
    with pytest.raises(jsonschema.ValidationError):
        validate({"schema_version": "1"}, "CheckReport")


def test_an_analysis_over_the_time_limit_is_stopped_and_the_worker_replaced():
    app = create_app(ServeSettings(workers=1, time_limit=0.01))
    with TestClient(app) as client:
        slow = client.post("/api/check", files=upload(LAWS / LAW))
        assert slow.status_code == 504 and slow.json()["error"]["code"] == "E372"
        app.state.pool.time_limit = 120
        again = client.post("/api/check", files=upload(LAWS / LAW))
        assert again.status_code == 200 and again.json()["findings"]


def test_every_serve_error_code_and_option_is_documented():
    from lintlaw.web.errors import CODES

    errors_md = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert [c for c in CODES if f"| {c} |" not in errors_md] == []
    serve_md = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    for option in ("--host", "--port", "--max-upload-mb", "--time-limit", "--workers", "LINTLAW_CHROMIUM"):
        assert f"`{option}`" in serve_md, option
    assert (ROOT / "docs" / "images" / "serve-page.png").stat().st_size > 20_000


def test_serve_refuses_bad_options_and_broken_rules_before_listening(cli, tmp_path):
    bad = cli("serve", "--port", "0")
    assert bad.returncode == 2 and "E379" in bad.stderr
    (tmp_path / "lintlaw.toml").write_text('rule-dirs = ["missing-rules"]\n', encoding="utf-8")
    broken = cli("serve", "--port", "1", cwd=tmp_path)
    assert broken.returncode == 2 and "E205" in broken.stderr
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = cli("serve", "--port", str(taken.getsockname()[1]))
    assert busy.returncode == 2 and "E379 cannot listen on 127.0.0.1:" in busy.stderr


def test_a_heavy_law_does_not_hold_up_a_small_one():
    """Two workers: a short text sent while a long law is analysed comes back first."""
    import threading
    import time

    heavy = (LAWS / LAW).read_text(encoding="utf-8") * 30
    app = create_app(ServeSettings(workers=2, time_limit=300))
    with TestClient(app) as client:
        client.post("/api/check", data={"text": DEFINITION})  # both workers started and warm
        finished: dict[str, float] = {}

        def send_heavy() -> None:
            answer = client.post("/api/check", files={"file": ("long.txt", heavy.encode())})
            assert answer.status_code == 200
            finished["heavy"] = time.monotonic()

        thread = threading.Thread(target=send_heavy)
        thread.start()
        time.sleep(0.5)
        small = client.post("/api/check", data={"text": DEFINITION})
        finished["small"] = time.monotonic()
        thread.join(timeout=300)
        assert small.status_code == 200 and small.json()["findings"]
        assert finished["small"] < finished["heavy"]
