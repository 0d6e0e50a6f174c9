; Inno Setup script: Dyade's Windows installer (a per-machine setup a clinic can deploy
; silently: DyadeSetup-VERSION.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART).
; Build on Windows after `pyinstaller build.spec` (packaging/README.md):
;   iscc /DAppVersion=0.1.0 /DDistDir=..\..\dist\dyade /DIconFile=..\..\build\build\icons\dyade.ico packaging\windows\dyade.iss
; Signing hook: define SignTool in the IDE or pass /Ssigntool="signtool.exe sign /fd sha256
;   /tr http://timestamp.digicert.com /td sha256 /a $f" and build with /DSign=1; the
;   executables in DistDir are signed before this runs (packaging/README.md, "Signing").

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\dyade"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\build\icons\dyade.ico"
#endif

[Setup]
AppId={{6F1C2D0E-5B7A-4C39-9E0B-3D2A7C1F8B64}
AppName=Dyade
AppVersion={#AppVersion}
AppPublisher=The Dyade contributors
AppPublisherURL=https://dyade.org
DefaultDirName={autopf}\Dyade
DefaultGroupName=Dyade
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=DyadeSetup-{#AppVersion}
OutputDir=..\..\dist
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\dyade.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "kioskicon"; Description: "Dyade kiosk"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole one-folder bundle: dyade.exe (windowed), dyade-cli.exe (console), _internal\
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Dyade"; Filename: "{app}\dyade.exe"
Name: "{group}\Dyade (kiosk)"; Filename: "{app}\dyade.exe"; Parameters: "--kiosk"
Name: "{autodesktop}\Dyade"; Filename: "{app}\dyade.exe"; Tasks: desktopicon
Name: "{autodesktop}\Dyade (kiosk)"; Filename: "{app}\dyade.exe"; Parameters: "--kiosk"; Tasks: kioskicon

[Run]
; the installed copy checks itself (forms, storage, reports) before first use
Filename: "{app}\dyade-cli.exe"; Parameters: "self-check"; Flags: runhidden waituntilterminated; StatusMsg: "Dyade self-check..."
Filename: "{app}\dyade.exe"; Description: "{cm:LaunchProgram,Dyade}"; Flags: nowait postinstall skipifsilent

; The clinic's data (%LOCALAPPDATA%\Dyade: database, backups, logs) is never removed by the
; uninstaller: it belongs to the clinic, not to the program.
