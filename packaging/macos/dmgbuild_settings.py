"""dmgbuild settings: Dyade.app in a disk image with a link to /Applications.

Build on macOS after ``pyinstaller build.spec`` made ``dist/Dyade.app``
(packaging/README.md)::

    dmgbuild -s packaging/macos/dmgbuild_settings.py -D app=dist/Dyade.app \
        -D version=0.1.0 "Dyade" dist/Dyade-0.1.0.dmg

Signing hooks (packaging/README.md, "Signing"): before this, ``codesign --deep
--options runtime --timestamp -s "$DYADE_MAC_IDENTITY" dist/Dyade.app``; after it,
``xcrun notarytool submit dist/Dyade-VERSION.dmg --keychain-profile "$DYADE_NOTARY_PROFILE"
--wait`` then ``xcrun stapler staple dist/Dyade-VERSION.dmg``.
"""

import os.path

# dmgbuild runs this file with ``defines`` (the -D options) in its namespace
application = defines.get("app", "dist/Dyade.app")  # type: ignore[name-defined]  # noqa: F821
version = defines.get("version", "0.1.0")  # type: ignore[name-defined]  # noqa: F821
appname = os.path.basename(application)

volume_name = f"Dyade {version}"
format = "UDZO"  # compressed, read-only
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
badge_icon = os.path.join(application, "Contents", "Resources", "dyade.icns")
icon_locations = {appname: (140, 120), "Applications": (500, 120)}
window_rect = ((200, 120), (640, 280))
default_view = "icon-view"
show_status_bar = False
show_toolbar = False
icon_size = 96
text_size = 14
