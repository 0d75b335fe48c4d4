#!/usr/bin/python3
"""Drive the real app through its accessibility tree (AT-SPI, as a screen
reader meets it) and take a screenshot of what it shows.

Run inside an X display and a D-Bus session with the accessibility bus on
(scripts/screenshot.sh sets them up). Steps are given on the command line:

  click:LABEL          press the button named LABEL
  type:LABEL=TEXT      put TEXT into the text field named LABEL
  wait:SECONDS         let the app work
  shot:FILE.png        screenshot the screen

Example:
  scripts/screenshot.py click:"Import invites…" type:"File or folder"=/tmp/a.ics \
      click:Preview wait:2 shot:docs/screenshots/import-invites.png
"""

import subprocess
import sys
import time

import pyatspi


def find_app(name="scorecard", timeout=30):
    start = time.time()
    while time.time() - start < timeout:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name and name in app.name.lower():
                return app
        time.sleep(0.5)
    sys.exit(f"screenshot.py: no application named {name!r} on the accessibility bus")


def find(node, label, roles=None, depth=0):
    if node is None or depth > 60:
        return None
    try:
        if node.name == label and (roles is None or node.getRoleName() in roles):
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), label, roles, depth + 1)
            if found is not None:
                return found
    except Exception:
        return None
    return None


def wait_find(app, label, roles=None, timeout=15):
    start = time.time()
    while time.time() - start < timeout:
        found = find(app, label, roles)
        if found is not None:
            return found
        time.sleep(0.3)
    sys.exit(f"screenshot.py: nothing named {label!r}")


def main(steps):
    app = find_app()
    for step in steps:
        kind, _, arg = step.partition(":")
        if kind == "click":
            node = wait_find(app, arg)
            action = node.queryAction()
            action.doAction(0)
        elif kind == "type":
            label, _, text = arg.partition("=")
            node = wait_find(app, label, {"text", "entry", "editbar"})
            node.queryEditableText().setTextContents(text)
        elif kind == "wait":
            time.sleep(float(arg))
            continue
        elif kind == "shot":
            time.sleep(1.0)
            subprocess.run(["import", "-window", "root", arg], check=True)
            continue
        else:
            sys.exit(f"screenshot.py: unknown step {step!r}")
        time.sleep(0.8)


if __name__ == "__main__":
    main(sys.argv[1:])
