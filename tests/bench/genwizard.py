#!/usr/bin/env python3
"""Write a valid wizard of N steps to standard output, for measuring load and check time.

Each block of five steps has a choice with a condition, a number, a text with a pattern, a yes/no and an
info step, with Danish texts of realistic length; the last step is an end.  Usage: genwizard.py N
"""
import sys


def main():
    n = int(sys.argv[1])
    out = sys.stdout
    out.write("trin: 1\nid: stor\ntitle: En meget stor guide\nvalues:\n  dobbelt: tal0 * 2\nsteps:\n")
    kinds = ["choice", "number", "text", "yesno", "info"]
    ids = [f"tal{i}" if kinds[i % 5] == "number" else f"s{i}" for i in range(n - 1)]
    ids[1] = "tal0"
    ids.append("slut")
    for i in range(n - 1):
        kind = kinds[i % 5]
        sid, nxt = ids[i], ids[i + 1]
        out.write(f"  - id: {sid}\n    type: {kind}\n")
        out.write(f"    title: Spørgsmål nummer {i} handler om din virksomhed og dine planer\n")
        out.write("    text: Svar så godt du kan. Du kan altid gå tilbage og ændre dit svar senere.\n")
        out.write("    help: Hvis du er i tvivl, så spørg den digitale hjælper ved siden af dig.\n")
        if kind == "choice":
            out.write("    choices:\n      - {value: ja, label: 'Ja, det gør jeg'}\n"
                      "      - {value: nej, label: 'Nej, det gør jeg ikke'}\n"
                      "      - {value: ved_ikke, label: Det ved jeg ikke endnu}\n")
            out.write(f"    next:\n      - {{when: {sid} == \"ja\", goto: {nxt}}}\n      - goto: {nxt}\n")
        else:
            if kind == "number":
                out.write("    min: 0\n    max: 1000000\n")
            elif kind == "text":
                out.write("    pattern: \"[0-9]{8}\"\n    message: Skriv 8 cifre.\n")
            out.write(f"    next: {nxt}\n")
    out.write("  - id: slut\n    type: end\n    title: Tak for dine svar\n")


main()
