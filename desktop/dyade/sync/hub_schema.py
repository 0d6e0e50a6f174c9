"""The hub's schema in PostgreSQL, as numbered migrations (like the laptop's).

Everything lives in the ``dyade_hub`` schema of the database the clinic gives
Dyade. ``{group}`` is the NOLOGIN role every device role is a member of; its
name carries the hub's own id, because roles belong to the whole PostgreSQL
cluster and one cluster may hold several hubs.

What a device may do is decided here, by the server, not by the laptop:
- ``changes`` is the clinic's ordered log. A device may insert only its own
  rows of its own clinic (row-level security, ``WITH CHECK``) and only the
  columns it is meant to write (column grants: ``xid`` and ``seq`` are the
  server's), and read only its clinic's rows. No UPDATE, no DELETE.
- ``my_device()`` (SECURITY DEFINER) tells the policies which device and clinic
  the signed-in role is; a revoked device is no device at all.
- ``claim_clinic()`` lets a device enrolled without a clinic bind itself, once:
  to its laptop's clinic, or (a laptop with no patient yet) to the hub's only one;
  binding to a clinic that exists needs its key check, made from the clinic
  passphrase with the salt ``clinic_to_join()`` gives (migration 3).
"""

from __future__ import annotations

HUB_SCHEMA = "dyade_hub"

# (version, what it does, statements); ``{group}`` is the device group role.
MIGRATIONS: list[tuple[int, str, tuple[str, ...]]] = [
    (
        1,
        "clinics, devices and the sealed change log, with row-level security",
        (
            """CREATE TABLE dyade_hub.clinics (
    clinic uuid PRIMARY KEY,
    salt bytea NOT NULL,                 -- scrypt salt of the clinic key
    log2_n smallint NOT NULL,
    key_check bytea NOT NULL,            -- tells a wrong passphrase apart
    created_at timestamptz NOT NULL DEFAULT now()
)""",
            """CREATE TABLE dyade_hub.devices (
    name text PRIMARY KEY,
    role name NOT NULL UNIQUE,
    clinic uuid REFERENCES dyade_hub.clinics(clinic),
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
)""",
            """CREATE TABLE dyade_hub.changes (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    clinic uuid NOT NULL REFERENCES dyade_hub.clinics(clinic),
    device text NOT NULL REFERENCES dyade_hub.devices(name),
    device_seq bigint NOT NULL CHECK (device_seq > 0),
    payload bytea NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (clinic, device, device_seq)
)""",
            "CREATE INDEX changes_pull ON dyade_hub.changes (clinic, xid, seq)",
            """CREATE FUNCTION dyade_hub.my_device(OUT name text, OUT clinic uuid)
RETURNS record LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT d.name, d.clinic FROM dyade_hub.devices d
    WHERE d.role = session_user AND d.revoked_at IS NULL
$$""",
            """CREATE FUNCTION dyade_hub.claim_clinic(wanted uuid, salt bytea, log2_n smallint,
    key_check bytea) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE mine text; bound uuid;
BEGIN
    SELECT d.name, d.clinic INTO mine, bound FROM dyade_hub.devices d
    WHERE d.role = session_user AND d.revoked_at IS NULL FOR UPDATE;
    IF mine IS NULL THEN RAISE EXCEPTION 'not an enrolled device'; END IF;
    IF bound IS NOT NULL THEN RETURN bound; END IF;
    INSERT INTO dyade_hub.clinics (clinic, salt, log2_n, key_check)
    VALUES (wanted, salt, log2_n, key_check) ON CONFLICT (clinic) DO NOTHING;
    UPDATE dyade_hub.devices SET clinic = wanted WHERE name = mine;
    RETURN wanted;
END
$$""",
            "ALTER TABLE dyade_hub.changes ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE dyade_hub.clinics ENABLE ROW LEVEL SECURITY",
            """CREATE POLICY read_own_clinic ON dyade_hub.changes FOR SELECT TO {group}
    USING (clinic = (SELECT m.clinic FROM dyade_hub.my_device() m))""",
            """CREATE POLICY append_own_changes ON dyade_hub.changes FOR INSERT TO {group}
    WITH CHECK (clinic = (SELECT m.clinic FROM dyade_hub.my_device() m)
                AND device = (SELECT m.name FROM dyade_hub.my_device() m))""",
            """CREATE POLICY read_own_clinic ON dyade_hub.clinics FOR SELECT TO {group}
    USING (clinic = (SELECT m.clinic FROM dyade_hub.my_device() m))""",
            "REVOKE ALL ON ALL TABLES IN SCHEMA dyade_hub FROM PUBLIC",
            "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA dyade_hub FROM PUBLIC",
            "GRANT USAGE ON SCHEMA dyade_hub TO {group}",
            "GRANT SELECT ON dyade_hub.changes, dyade_hub.clinics TO {group}",
            "GRANT INSERT (clinic, device, device_seq, payload) ON dyade_hub.changes TO {group}",
            "GRANT EXECUTE ON FUNCTION dyade_hub.my_device() TO {group}",
            "GRANT EXECUTE ON FUNCTION dyade_hub.claim_clinic(uuid, bytea, smallint, bytea) "
            "TO {group}",
        ),
    ),
    (
        2,
        "a device enrolled before its clinic existed joins the hub's only clinic when fresh",
        (
            "DROP FUNCTION dyade_hub.claim_clinic(uuid, bytea, smallint, bytea)",
            """CREATE FUNCTION dyade_hub.claim_clinic(wanted uuid, salt bytea, log2_n smallint,
    key_check bytea, fresh boolean) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE mine text; bound uuid;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('dyade_hub.claim_clinic'));
    SELECT d.name, d.clinic INTO mine, bound FROM dyade_hub.devices d
    WHERE d.role = session_user AND d.revoked_at IS NULL FOR UPDATE;
    IF mine IS NULL THEN RAISE EXCEPTION 'not an enrolled device'; END IF;
    IF bound IS NOT NULL THEN RETURN bound; END IF;
    IF fresh AND (SELECT count(*) FROM dyade_hub.clinics) = 1 THEN
        SELECT c.clinic INTO wanted FROM dyade_hub.clinics c;
    END IF;
    INSERT INTO dyade_hub.clinics (clinic, salt, log2_n, key_check)
    VALUES (wanted, salt, log2_n, key_check) ON CONFLICT (clinic) DO NOTHING;
    UPDATE dyade_hub.devices SET clinic = wanted WHERE name = mine;
    RETURN wanted;
END
$$""",
            "REVOKE ALL ON FUNCTION dyade_hub.claim_clinic(uuid, bytea, smallint, bytea, boolean) "
            "FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION dyade_hub.claim_clinic(uuid, bytea, smallint, bytea, "
            "boolean) TO {group}",
        ),
    ),
    (
        3,
        "binding to an existing clinic proves the clinic passphrase (its key check)",
        (
            """CREATE FUNCTION dyade_hub.clinic_to_join(wanted uuid, fresh boolean,
    OUT clinic uuid, OUT salt bytea, OUT log2_n smallint)
RETURNS SETOF record LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT c.clinic, c.salt, c.log2_n FROM dyade_hub.clinics c
    WHERE c.clinic = wanted
       OR (fresh AND NOT EXISTS (SELECT 1 FROM dyade_hub.clinics w WHERE w.clinic = wanted)
           AND (SELECT count(*) FROM dyade_hub.clinics) = 1)
$$""",
            """CREATE OR REPLACE FUNCTION dyade_hub.claim_clinic(wanted uuid, salt bytea,
    log2_n smallint, key_check bytea, fresh boolean) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE mine text; bound uuid; known bytea;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('dyade_hub.claim_clinic'));
    SELECT d.name, d.clinic INTO mine, bound FROM dyade_hub.devices d
    WHERE d.role = session_user AND d.revoked_at IS NULL FOR UPDATE;
    IF mine IS NULL THEN RAISE EXCEPTION 'not an enrolled device'; END IF;
    IF bound IS NOT NULL THEN RETURN bound; END IF;
    IF fresh AND NOT EXISTS (SELECT 1 FROM dyade_hub.clinics c WHERE c.clinic = wanted)
       AND (SELECT count(*) FROM dyade_hub.clinics) = 1 THEN
        SELECT c.clinic INTO wanted FROM dyade_hub.clinics c;
    END IF;
    SELECT c.key_check INTO known FROM dyade_hub.clinics c WHERE c.clinic = wanted;
    IF known IS NULL THEN
        INSERT INTO dyade_hub.clinics (clinic, salt, log2_n, key_check)
        VALUES (wanted, salt, log2_n, key_check);
    ELSIF known <> key_check THEN
        RAISE EXCEPTION 'wrong clinic passphrase' USING ERRCODE = 'invalid_password';
    END IF;
    UPDATE dyade_hub.devices SET clinic = wanted WHERE name = mine;
    RETURN wanted;
END
$$""",
            "REVOKE ALL ON FUNCTION dyade_hub.clinic_to_join(uuid, boolean) FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION dyade_hub.clinic_to_join(uuid, boolean) TO {group}",
        ),
    ),
]
