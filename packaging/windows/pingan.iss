; Inno Setup script for the Windows installer of Pingan Console (build on Windows with Inno Setup 6):
;   1. python packaging\bundle_plan.py inno-version   (writes version.iss from console/__init__.py)
;   2. pyinstaller --noconfirm --distpath dist packaging\pingan.spec   (with VLC installed, or
;      PINGAN_VLC_SOURCE pointing at an unpacked VLC folder)
;   3. iscc packaging\windows\pingan.iss   ->  dist\pingan-console-<version>-setup.exe
; Silent deployment: pingan-console-<version>-setup.exe /VERYSILENT /CONFIG=\\server\share\console.ini
; copies that file to the per-machine config folder the console reads ({commonappdata}\PinganConsole).
#include "version.iss"

[Setup]
AppId={{6B1F2C1E-5A8D-4C57-9B36-2F0C8A4E71D2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription={#AppName} installer
DefaultDirName={autopf}\PinganConsole
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=pingan-console-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\{#AppExe}
WizardStyle=modern

[Languages]
; ChineseSimplified.isl is a contributed translation: copy it from the Inno Setup translations page into the
; compiler's Languages folder if this Inno Setup version does not ship it.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Dirs]
; The per-machine config folder: console.ini here pre-sets the database for every user of this computer.
Name: "{commonappdata}\PinganConsole"; Permissions: users-readexec

[Files]
Source: "..\..\dist\pingan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{param:CONFIG}"; DestDir: "{commonappdata}\PinganConsole"; DestName: "console.ini"; \
  Flags: external skipifsourcedoesntexist onlyifdoesntexist uninsneveruninstall; Check: HasConfigParam

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Logs and the demo database live in each user's profile and stay; the machine config is kept for upgrades.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function HasConfigParam(): Boolean;
begin
  Result := ExpandConstant('{param:CONFIG|}') <> '';
end;
