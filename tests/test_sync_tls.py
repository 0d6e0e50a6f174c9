"""A device reaches the hub over TCP only through TLS with the server's certificate checked."""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
from pathlib import Path

import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from dyade.sync import hub
from dyade.sync.hub import HubRefused
from pg_support import make_cluster, remove_cluster
from sync_support import Laptop, answer, contents, new_visit


def _key_and_name(common: str):
    return ec.generate_private_key(ec.SECP256R1()), x509.Name(
        [x509.NameAttribute(NameOID.COMMON_NAME, common)]
    )


def _certificate(subject, key, issuer, signer, *, ca: bool, ip: str | None = None):
    start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ip:
        san = x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(ip))])
        builder = builder.add_extension(san, critical=False)
    return builder.sign(signer, hashes.SHA256())


def _pem(path: Path, data: bytes, *, private: bool = False) -> str:
    path.write_bytes(data)
    if private:
        path.chmod(0o600)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")
    return str(path)


def _make_ca(folder: Path, name: str, server_ip: str | None = None):
    """A CA file, and (with ``server_ip``) a server certificate and key it signed."""
    ca_key, ca_name = _key_and_name(f"{name} CA")
    ca = _certificate(ca_name, ca_key, ca_name, ca_key, ca=True)
    files = {"ca": _pem(folder / f"{name}-ca.pem", ca.public_bytes(serialization.Encoding.PEM))}
    if server_ip:
        key, subject = _key_and_name("clinic hub")
        cert = _certificate(subject, key, ca_name, ca_key, ca=False, ip=server_ip)
        files["cert"] = _pem(folder / "server.crt", cert.public_bytes(serialization.Encoding.PEM))
        raw = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        files["key"] = _pem(folder / "server.key", raw, private=True)
    return files


@pytest.fixture
def tls_hub():
    cluster = make_cluster(
        "local all postgres trust\n"
        "hostssl all all 127.0.0.1/32 scram-sha-256\n"
        "host all all 127.0.0.1/32 reject\n"
    )
    cluster.host = str(cluster.folder)
    files = _make_ca(cluster.folder, "clinic", server_ip="127.0.0.1")
    cluster.start(
        "listen_addresses=127.0.0.1",
        "ssl=on",
        f"ssl_cert_file={files['cert']}",
        f"ssl_key_file={files['key']}",
        "password_encryption=scram-sha-256",
        "fsync=off",
    )
    try:
        dsn = cluster.create_database()
        hub.init_hub(dsn)
        yield cluster, dsn, files["ca"]
    finally:
        remove_cluster(cluster)


def _over_tcp(conninfo: str, port: int, ca: str) -> str:
    params = psycopg.conninfo.conninfo_to_dict(conninfo)
    params.update(host="127.0.0.1", port=str(port), sslmode="verify-full", sslrootcert=ca)
    return psycopg.conninfo.make_conninfo(**params)


def test_laptops_sync_over_tls_with_the_server_checked(tls_hub, tmp_path):
    cluster, dsn, ca = tls_hub
    a = Laptop(tmp_path / "a.db", _over_tcp(hub.enrol(dsn, "a"), cluster.port, ca)).open()
    b = Laptop(tmp_path / "b.db", _over_tcp(hub.enrol(dsn, "b"), cluster.port, ca)).open()
    response, _ = new_visit(a.db, "P-001", "Solange Verdier", "martin")
    answer(a.db, response)
    a.sync(), b.sync(), a.sync()
    assert contents(a.db) == contents(b.db)
    with hub.connect(a.conninfo) as conn:
        in_use = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        assert in_use.fetchone() == (True,) and conn.pgconn.ssl_in_use
    with psycopg.connect(dsn) as conn:
        verifiers = conn.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolcanlogin AND rolname LIKE %s", ["dyade_%"]
        ).fetchall()
        assert len(verifiers) == 2 and all(v.startswith("SCRAM-SHA-256$") for (v,) in verifiers)
    for laptop in (a, b):
        laptop.close()


def test_a_hub_whose_certificate_another_ca_signed_is_refused(tls_hub, tmp_path):
    cluster, dsn, _ca = tls_hub
    stranger = _make_ca(tmp_path, "stranger")["ca"]
    conninfo = _over_tcp(hub.enrol(dsn, "a"), cluster.port, stranger)
    with pytest.raises(HubRefused, match="certificate"):
        hub.connect(conninfo)
    plain = conninfo.replace("sslmode=verify-full", "sslmode=disable")
    with pytest.raises(HubRefused, match="sslmode=verify-full"):
        hub.connect(plain)
    with pytest.raises(psycopg.OperationalError, match=r"no pg_hba\.conf entry|reject"):
        psycopg.connect(plain)  # and the hub itself turns plain TCP away
