#!/usr/bin/env python3
"""The clock's start and the calendar feed, end to end.

1. Text cases through `motionscan run --text`: ECAS lines and RECEIVED/FILED
   stamps (as OCR damages them, with a court name under the stamp) beat the
   certificate of service, which beats the signature; a "Next Hearing Date:"
   line is never a filing date; the holiday rules run from the stamp and ECAS
   dates.  Each record keeps every candidate with its evidence.
2. `motionscan calendar` on the database of that run and of the samples' texts,
   read with python3-icalendar (a second parser, independent of libical): one
   deadline event per response_due date, a court-sets event per detained
   filing, a hearing event per next hearing, in the court's zone (with its
   VTIMEZONE); UIDs and bytes stable across exports; SEQUENCE up on a change;
   a deleted document's events cancelled; --mask-a-number --no-names.
3. `motionscan watch --db --ics`: the feed exists from the start and holds a
   file dropped into INBOX once it is recorded.

usage: e2e_calendar.py MOTIONSCAN SAMPLES_DIR WORKDIR
"""
import datetime
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zoneinfo

import icalendar  # Debian's python3-icalendar; tools/install-deps.sh installs it

FAILURES = []


def check(ok, msg):
    if not ok:
        FAILURES.append(msg)
        print("FAIL: " + msg)


CAPTION = ("UNITED STATES DEPARTMENT OF JUSTICE\nEXECUTIVE OFFICE FOR IMMIGRATION REVIEW\n"
           "IMMIGRATION COURT\nHOUSTON, TEXAS\nIn the Matter of: DOE, Jane\n"
           "File No.: A 212-345-678\nIn Removal Proceedings\n{detained}\n"
           "Immigration Judge: Hon. Ana B. Cruz Next Hearing Date: November 4, 2025 at 1:00 p.m.\n")
BODY = ("DEPARTMENT OF HOMELAND SECURITY'S MOTION TO PRETERMIT\n"
        "DHS moves to pretermit the respondent's application. Removal to Honduras under the "
        "Asylum Cooperative Agreement.\nRespectfully submitted.\nDated: October 14, 2025\n"
        "\fCERTIFICATE OF SERVICE\nOn October 15, 2025, I, John Roe, served a copy.\n")

# name -> (text before the caption, detained marker, filed_date_kind, filed_date, due, basis words)
CASES = {
    "signature-only": ("", "NON-DETAINED", "signature", "2025-10-14", "2025-10-24", None),
    "service": ("", "NON-DETAINED", "service", "2025-10-15", "2025-10-27", "certificate of service"),
    "stamp": ("RECEIVED\nOCT 16 2025\nIMMIGRATION COURT\nHOUSTON, TX\n", "NON-DETAINED",
              "received_stamp", "2025-10-16", "2025-10-27", "RECEIVED/FILED stamp, 2025-10-16"),
    "stamp-ocr": ("RECE1VED\nEOIR - HOUSTON\n10/17/25\n", "NON-DETAINED", "received_stamp",
                  "2025-10-17", "2025-10-27", "stamp"),
    "ecas": ("Electronically filed via ECAS on 10/16/2025 11:02 AM\nFILED OCT 20 2025\n",
             "NON-DETAINED", "ecas", "2025-10-16", "2025-10-27", "ECAS filing date"),
    # Veterans Day 2025 (Tue Nov 11): the ECAS date Nov 1 runs to Wed Nov 12
    "ecas-holiday": ("ECAS Filing Date: 11/01/2025\n", "NON-DETAINED", "ecas", "2025-11-01",
                     "2025-11-12", "moved 1 day past a weekend or holiday"),
    # Thanksgiving 2025 (Thu Nov 27): stamped Nov 17, due Fri Nov 28
    "stamp-thanksgiving": ("FILED NOV 17 2025\n", "NON-DETAINED", "received_stamp", "2025-11-17",
                           "2025-11-28", "moved 1 day"),
    "detained-stamp": ("Rec'd 10-16-2025\n", "DETAINED", "received_stamp", "2025-10-16", None,
                       "immigration judge sets"),
}


def run(exe, *args, **kw):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=600, **kw)


def clock_cases(exe, work):
    texts = os.path.join(work, "texts")
    os.makedirs(texts)
    for name, (pre, det, *_rest) in CASES.items():
        with open(os.path.join(texts, name + ".txt"), "w") as f:
            body = BODY.split("\f")[0] if name == "signature-only" else BODY
            f.write(pre + CAPTION.format(detained=det) + body)
    db = os.path.join(work, "cases.db")
    p = run(exe, "run", "--text", "-q", "--db", db, texts)
    check(p.returncode == 0, f"run --text: {p.returncode} {p.stderr}")
    recs = {os.path.basename(r["file"])[:-4]: r for r in map(json.loads, p.stdout.splitlines())}
    for name, (_pre, _det, kind, filed, due, words) in CASES.items():
        r = recs.get(name)
        if not r:
            check(False, f"{name}: no record")
            continue
        rd = r["response_due"] or {}
        check(r["filed_date_kind"] == kind and r["filed_date"] == filed and rd.get("date") == due,
              f"{name}: kind {r['filed_date_kind']}, filed {r['filed_date']}, due {rd}")
        check(not words or words in (rd.get("basis") or ""), f"{name}: basis {rd.get('basis')!r}")
        kinds = {c["kind"] for c in r["date_candidates"]}
        check({"signature", "service"} - ({"service"} if name == "signature-only" else set()) <= kinds,
              f"{name}: candidates {kinds}")
        check(all(c["date"] != "2025-11-04" for c in r["date_candidates"]),
              f"{name}: the hearing date is a candidate")
        check(all(c["rule"] and c["rule_source"] and c["text"] and c["page"] == 1 or
                  c["kind"] == "service" and c["page"] == 2 for c in r["date_candidates"]),
              f"{name}: candidate evidence {r['date_candidates']}")
    return db, recs


def parse(path):
    with open(path, "rb") as f:
        data = f.read()
    check(b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), f"{path}: lines not CRLF")
    return data, icalendar.Calendar.from_ical(data)


def events(cal):
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def feed_checks(exe, db, recs, work):
    out = os.path.join(work, "team.ics")
    p = run(exe, "calendar", "--db", db, "--out", out)
    check(p.returncode == 0, f"calendar: {p.returncode} {p.stderr}")
    data1, cal = parse(out)
    ev = events(cal)
    check(cal["VERSION"] == "2.0" and "PRODID" in cal, "VCALENDAR header")
    zones = {str(z["TZID"]) for z in cal.walk("VTIMEZONE")}
    for name, r in recs.items():
        sha = r["sha256"]
        due = (r["response_due"] or {}).get("date")
        if due:
            e = ev.get(f"{sha}-1-deadline@motionscan")
            check(e is not None and e.decoded("DTSTART") == datetime.date.fromisoformat(due),
                  f"{name}: deadline event {e and e.decoded('DTSTART')} != {due}")
            if e is not None:
                trig = sorted(a.decoded("TRIGGER") for a in e.walk("VALARM"))
                check(trig == [-datetime.timedelta(days=7), -datetime.timedelta(days=2)],
                      f"{name}: alarms {trig}")
                d = str(e["DESCRIPTION"])
                for want in ("DOE, Jane", "A 212-345-678", "pretermit", "Honduras", "Houston, TX",
                             r["response_due"]["basis"], name + ".txt"):
                    check(want in d, f"{name}: {want!r} not in the description")
        elif r["response_due"]:
            e = ev.get(f"{sha}-1-court_sets@motionscan")
            check(e is not None and e.decoded("DTSTART") == datetime.date.fromisoformat(r["filed_date"])
                  and "check the order" in str(e["SUMMARY"]), f"{name}: court-sets event")
        h = ev.get(f"{sha}-1-hearing@motionscan")
        want = datetime.datetime(2025, 11, 4, 13, 0, tzinfo=zoneinfo.ZoneInfo("America/Chicago"))
        check(h is not None and h.decoded("DTSTART") == want and h["DTSTART"].params["TZID"] ==
              "America/Chicago", f"{name}: hearing {h and h.decoded('DTSTART')}")
    check(zones == {"America/Chicago"}, f"VTIMEZONEs {zones}")
    # again: same bytes, same UIDs
    p = run(exe, "calendar", "--db", db, "--out", out)
    data2, cal2 = parse(out)
    check(data1 == data2, "a second export with nothing changed differs")
    # a change: the hearing moves; SEQUENCE 1 on that event only
    some = next(iter(recs.values()))["sha256"]
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET record_json = json_set(record_json, '$.hearing_time', "
                 "'15:00') WHERE sha256 = ?", (some,))
    gone = [r["sha256"] for r in recs.values()][-1]
    conn.execute("DELETE FROM documents WHERE sha256 = ?", (gone,))
    conn.commit()
    conn.close()
    p = run(exe, "calendar", "--db", db, "--out", out)
    check(p.returncode == 0 and "1 new or changed, 2 cancelled" in p.stderr, f"calendar after changes: {p.stderr}")
    _, cal3 = parse(out)
    ev3 = events(cal3)
    seqs = {u: int(e.get("SEQUENCE", 0)) for u, e in ev3.items()}
    check(seqs.get(f"{some}-1-hearing@motionscan") == 1, f"changed hearing: {seqs}")
    check(ev3[f"{some}-1-hearing@motionscan"].decoded("DTSTART").hour == 15, "moved hearing time")
    for u, e in ev3.items():
        if u.startswith(gone):
            check(str(e["STATUS"]) == "CANCELLED" and seqs[u] == 1, f"{u}: not cancelled: {e}")
        elif u != f"{some}-1-hearing@motionscan":
            check(seqs[u] == 0 and str(e["STATUS"]) == "CONFIRMED", f"{u}: sequence {seqs[u]}")
    check(set(ev3) == set(ev), f"UIDs changed: {set(ev) ^ set(ev3)}")
    # a feed for outsiders
    shared = os.path.join(work, "shared.ics")
    p = run(exe, "calendar", "--db", db, "--out", shared, "--mask-a-number", "--no-names")
    check(p.returncode == 0, f"masked: {p.stderr}")
    _, calm = parse(shared)
    text = "".join(str(e.get("SUMMARY", "")) + str(e.get("DESCRIPTION", "")) + str(e.get("LOCATION", ""))
                   for e in calm.walk("VEVENT"))
    for bad in ("DOE", "Jane", "212-345", "212345678", ".txt", "texts/"):
        check(bad not in text, f"masked feed shows {bad!r}")
    check("A XXX-XXX-678" in text, "masked A-number missing")
    # usage and errors
    p = run(exe, "calendar", "--db", os.path.join(work, "nope.db"), "--out", shared)
    check(p.returncode == 2 and "no such database" in p.stderr, f"missing db: {p.returncode} {p.stderr}")
    p = run(exe, "calendar", "--out", shared)
    check(p.returncode == 2 and "--db" in p.stderr, f"usage: {p.stderr}")


def sample_feed(exe, samples, work):
    """The samples' transcripts: every response_due and hearing has its event."""
    db = os.path.join(work, "samples.db")
    p = run(exe, "run", "--text", "-q", "--db", db, os.path.join(samples, "truth"))
    recs = [json.loads(l) for l in p.stdout.splitlines()]
    out = os.path.join(work, "samples.ics")
    p = run(exe, "calendar", "--db", db, "--out", out)
    check(p.returncode == 0 and "0 hearings without a time zone" in p.stderr, f"samples feed: {p.stderr}")
    _, cal = parse(out)
    ev = events(cal)
    want = sum(1 for r in recs if r["response_due"] and (r["response_due"]["date"] or r["filed_date"]))
    want += sum(1 for r in recs if r["hearing_date"])
    check(len(ev) == want, f"samples: {len(ev)} events, want {want}")
    for r in recs:
        if r["hearing_date"] and r["hearing_time"]:
            e = ev[f"{r['sha256']}-1-hearing@motionscan"]
            got = e.decoded("DTSTART")
            check(got.strftime("%Y-%m-%d %H:%M") == f"{r['hearing_date']} {r['hearing_time']}" and
                  got.utcoffset() is not None, f"{r['file']}: hearing {got}")


def fold_lengths(exe, samples, work):
    """Content lines of every length: libical 3.0 can fold a line whose length lands
    on the fold width between its own CR and LF; the feed must stay CRLF throughout.
    The source file's path ends the description, so names of 60 lengths move the
    line end across the fold width."""
    texts = os.path.join(work, "folds")
    shutil.rmtree(texts, ignore_errors=True)
    os.makedirs(texts)
    src = os.path.join(samples, "truth", "13-dismiss-expedited-removal-old-anumber.txt")
    with open(src, encoding="utf-8") as f:
        text = f.read()
    for n in range(1, 61):
        with open(os.path.join(texts, "f" * n + ".txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n" + "x" * n)  # distinct bytes: one document each
    db = os.path.join(work, "folds.db")
    p = run(exe, "run", "--text", "-q", "--db", db, texts)
    check(p.returncode == 0, f"fold inputs: {p.stderr}")
    out = os.path.join(work, "folds.ics")
    p = run(exe, "calendar", "--db", db, "--out", out)
    check(p.returncode == 0, f"fold feed: {p.stderr}")
    _, cal = parse(out)
    check(len(events(cal)) >= 60, f"fold feed: {len(events(cal))} events")


def watch_feed(exe, samples, work):
    inbox, out = os.path.join(work, "inbox"), os.path.join(work, "wout")
    os.makedirs(inbox)
    db, ics = os.path.join(work, "watch.db"), os.path.join(work, "watch.ics")
    p = run(exe, "watch", inbox, "--out", out, "--ics", ics)
    check(p.returncode == 2 and "--ics needs --db" in p.stderr, f"--ics without --db: {p.stderr}")
    log = open(os.path.join(work, "watch.log"), "wb")
    d = subprocess.Popen([exe, "watch", inbox, "--out", out, "--db", db, "--ics", ics,
                          "--settle", "200", "--jobs", "1"], stdout=log, stderr=log)
    try:
        deadline = time.time() + 60
        while not os.path.exists(ics) and time.time() < deadline:
            time.sleep(0.1)
        check(os.path.exists(ics), "watch: no feed at start")
        name = "02-pretermit-incomplete-i589-born-digital.pdf"
        shutil.copy(os.path.join(samples, name), os.path.join(inbox, name + ".part"))
        os.rename(os.path.join(inbox, name + ".part"), os.path.join(inbox, name))
        uid = None
        while time.time() < deadline:
            if os.path.exists(os.path.join(out, "done", name)):
                _, cal = parse(ics)
                uid = next((u for u in events(cal) if u.endswith("-1-deadline@motionscan")), None)
                if uid:
                    break
            time.sleep(0.2)
        check(uid is not None, "watch: the recorded file's deadline is not in the feed")
    finally:
        d.send_signal(signal.SIGTERM)
        d.wait(timeout=60)
        log.close()
    check(d.returncode == 0, f"watch exit {d.returncode}")
    check(not [f for f in os.listdir(work) if f.startswith("watch.ics.")], "a temporary feed file is left")


def main():
    exe, samples, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    db, recs = clock_cases(exe, work)
    feed_checks(exe, db, recs, work)
    sample_feed(exe, samples, work)
    fold_lengths(exe, samples, work)
    watch_feed(exe, samples, work)
    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        sys.exit(1)
    print("calendar: all checks passed")


if __name__ == "__main__":
    main()
