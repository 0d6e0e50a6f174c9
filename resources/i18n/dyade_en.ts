<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnswersCheckList</name>
    <message>
        <source>You preferred not to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the answer to: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current answer: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Analysing every dyad again with the new thresholds…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <source>Export as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDF of each selected dyad…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} PDF(s) written in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: {code}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export stopped. The PDFs already written are kept in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Welcome to Dyade. Step 1 of 3: your clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three steps set Dyade up on this laptop: the clinic, the passphrase that encrypts its data, and your own account. The clinic&apos;s name is shown on the patient kiosk and on the reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Your questionnaire code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or touch the code of 6 letters and digits that the front desk gave you, then Continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 letters and digits, for example 7KQ3MD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the last sign of the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the questionnaire for this code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dyad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared dyad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same record with different content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same code is already used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it refers to a record missing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {changes}
({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts kept aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records that arrived from another laptop but differ from this one&apos;s. Nothing was overwritten: keep this laptop&apos;s record, or take the one that arrived (ours → theirs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountdownBanner</name>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you still there? This screen will close in {seconds} s. Your answers are saved. Touch the screen or press a key to go on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest visit both sides have answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s bond score since the visit before: up, down or steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your dyads, the most pressing first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your dyads, those that need a look first at the top: what one side only saw, or anything marked, then unresolved episodes, ruptures seen by both, different goals or stages, then a single mild sign or a lower rating. Double-click a dyad to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dyad yet. A dyad is one patient with one physician. To begin: add a patient in “Patients and visits”, start a dyad with you as the physician, then create a visit and hand the kiosk to the patient. The dyad appears here; its comparison is ready once both of you have answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Patients and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review the selected dyad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected dyads as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+click or Shift+click to select several dyads; one PDF each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete visit yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} unresolved episode(s) in this dyad&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▲ up {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▼ down {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▬ steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DyadDialog</name>
    <message>
        <source>Start a dyad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dyad pairs this patient with one physician: their visits are compared and followed together. Only that physician (and colleagues they share it with) will see the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Dyade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and Dyade could not finish this action. Your saved answers are safe. The details are in the log file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Export this visit as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the history as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary of this visit: both sides&apos; scores, what the comparison found, with its evidence and ways to repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dyad&apos;s history: every complete visit, the rupture–repair episodes and the latest visit&apos;s summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history of each selected dyad, one PDF per dyad, in one folder. Dyads without a complete visit are listed and skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the PDF:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>These files already exist:
{files}

Replace them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>the patient, not the physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physician, not the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both the patient and the physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither side, from their answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known (answers missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physician&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers concerned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who saw it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To open the next visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physician&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course over the visits: {subscale}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit of {date}: patient {patient}, physician {physician}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Repaired: {what} ({side}) dropped after {start}, back by {end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Unresolved: {what} ({side}) dropped after {start}, not recovered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rupture–repair episode in this dyad&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two perceptions are getting closer over the visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two perceptions are drifting apart over the visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gap between the two perceptions is steady.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few visits yet to tell whether the perceptions converge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome to Dyade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dyade compares how a patient and their physician each experienced the same visit, so that tensions one side did not notice can be talked about.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HubDialog</name>
    <message>
        <source>Link this laptop to the clinic&apos;s hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the connection string the administrator gave for this laptop, and type the clinic passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the hub administrator&apos;s connection string, create a device&apos;s access. Give the connection string shown to that laptop only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator&apos;s connection string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lost or stolen laptop: the hub refuses it from now on. The other devices go on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the question and its answers aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your answer here. Enter goes on; Shift+Enter starts a new line; Tab moves on to the buttons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may leave this empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I prefer not to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this question without an answer: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {key} turns this answer on or off. Question: {question}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {key} chooses this answer. Question: {question}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>Français</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the questions in French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the questions in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text on screen smaller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text on screen larger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the clinic&apos;s staff: sign in to leave the questionnaire screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>A physician signs in here to leave the questionnaire screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Français</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Dyade in French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Dyade in English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Staff sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your Dyade account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your login and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account cannot do this here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo clinic: sign in as {accounts}; the password is {password} for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts on this computer. Try again in {s} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try again in {s} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dyade, version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and show the sign-in screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name shown in Dyade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnWordsBox</name>
    <message>
        <source>In the patient&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes on this visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each side wrote in their own words</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Step 2 of 3: the database passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is encrypted with this passphrase. It is never stored: if it is lost, the data cannot be read. Write it down somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {n} characters; a few words are easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new password. It replaces the old one at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password of {name}. Give it to them in person; it replaces the old one at once and lifts a wait after wrong passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Add a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit patient {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient code is the one your clinic already uses (a file number, for example): it is how you find the patient again. The name is optional and never shown at the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth year (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patient code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared with you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dyads of the chosen patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the chosen patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the chosen patient&apos;s name, birth year or language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a dyad with a physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share this dyad with a colleague…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the dyad&apos;s own physician (or an administrator) shares it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New visit (full forms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New visit (brief forms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dyad is one patient with one physician; Dyade compares their two views.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full: the complete questionnaires, for a first visit or a periodic check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief: a few questions on each side, for the follow-up visits in between.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient has no dyad yet: a new visit starts one with you (reception chooses the physician), or start one with another physician below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the patient&apos;s code: the one your clinic already uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another patient already has the code {code}. Choose another code, or find that patient in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dyad is one patient with one physician. Choose it above, then create a visit: Dyade gives a code for the kiosk and adds both questionnaires to the list of questionnaires to fill in. Full forms: the complete questionnaires, for a first visit or a periodic check; brief forms: a few questions, for follow-ups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a patient in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients of the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient: {code}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendingPage</name>
    <message>
        <source>Visit date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who fills it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires to fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s visits and older ones not finished yet (marked overdue). Open the kiosk for a patient questionnaire; fill in your own after the consultation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand to patient (open the kiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in my questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient will come another day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient did not come and will not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to fill in now. A new visit (Patients and visits) adds its two questionnaires here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient (kiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the visit of patient {code} planned for {date}? Both questionnaires leave this list; answers already given are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhysicianPage</name>
    <message>
        <source>Step 3 of 3: your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first physician account. It can add colleagues and reception staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a login: one word, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhysicianQuestionnaireWindow</name>
    <message>
        <source>Dyade: your questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your questionnaire: patient {code}, visit of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each answer is saved as you give it: you can close this window and come back later from the list of questionnaires to fill in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintButton</name>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card: own words and findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole visit, with details and items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit summary PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PsychometricsBox</name>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopted from {n} visits ({form}, version {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt the clinic&apos;s reliabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the spread, reliability and patient–physician offset of the analysis thresholds with the clinic&apos;s own? Every dyad is analysed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No completed questionnaire yet: nothing to describe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} visits have both sides complete: enough to adopt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} visits have both sides complete; adopting needs at least {need}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinic&apos;s own data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the clinic&apos;s own data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the clinic&apos;s own data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the clinic&apos;s questionnaires behave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the clinic&apos;s completed questionnaires, per form version and subscale. Nothing is shown of any one person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α (Cronbach) and ω (McDonald) say how consistently the items of a subscale measure the same thing: 0.70 or more is usually enough, and the interval in brackets shows how sure the number is. Floor and ceiling: the share of answers at the lowest or highest end of the scale, where change cannot show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute from the clinic&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adopt these reliabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability per form version and subscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α [95 % interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ω [95 % interval]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ceiling</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <source>Your questionnaire for patient {code} is saved. Both sides have answered: the comparison is ready on the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your questionnaire for patient {code} is saved. The comparison will be ready on the dashboard once the patient has answered too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionnaireView</name>
    <message>
        <source>Some questions still need an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the previous question (Left arrow or Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send my answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your answers; you cannot change them afterwards (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your answers, then send them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on to the next question (Enter or Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an answer to go on: touch it, or press the key shown on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions {first} to {last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Dyade: dyad review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient {code} with {physician}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit, side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History over visits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of {name}. What the account sees changes at its next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the PDF with this computer&apos;s PDF reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder that holds the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {name} in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Advanced: analysis thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic&apos;s forms folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, reports and idle times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic&apos;s language (first screen, new accounts):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF page size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the workspace after (minutes without use):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk back to its welcome screen after (seconds):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk: a single-choice answer goes on by itself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backups kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full visit (the complete questionnaires):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief visit (a few questions, for follow-ups):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic&apos;s own forms folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: a “backups” folder next to the database ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: Dyade&apos;s own forms folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers behind each flag (docs/ANALYSIS.md explains them). Change them only with good reason; saving analyses every dyad again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the thresholds to their defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every form file was loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These form files could not be loaded:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Dyade: set up the clinic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share a dyad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colleagues ticked here see the answers and the review of patient {code} with you (a replacement, a supervision). Untick to stop sharing. Each change is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no other physician account in this clinic yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills in their side after each visit and reviews their own dyads and those shared with them. Manages staff accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds patients, books visits and hands the kiosk. Never sees answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings, backups and staff accounts; can open the answers of every dyad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your own account: you can reset its password; another physician or administrator can change its role or deactivate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is the only active physician or administrator account: it keeps a role that manages accounts and stays active until another one is added or reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone who signs in to this clinic&apos;s Dyade, one account per person. An account no longer needed is deactivated rather than deleted: its dyads and its history stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate this account to change its role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login {login} is already taken: choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the account of {name}? They can no longer sign in. Their dyads and history stay, and the account can be reactivated later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBox</name>
    <message>
        <source>Hub: {hub}
This device: {device}
{state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This laptop is not linked to a hub: it works alone and shares its work with transfer files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts kept aside ({n})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic hub (sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to a hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol a device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke a device…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 conflict kept aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conflicts kept aside</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your answers have been sent. You can now give the laptop back to the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something may not have felt right today. That is useful to know, and you are welcome to talk about it with your doctor. For example:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this page and return to the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print these words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the phrases above on a card to take with you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThresholdNames</name>
    <message>
        <source>Spread of patients&apos; scores (SD, 1..5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread of physicians&apos; scores (SD, 1..5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability of the patient&apos;s subscales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability of the physician&apos;s subscales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions the reliabilities hold for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence of a gap beyond chance (z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual patient-minus-physician offset (SD units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual patient score (1..5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low alliance: SDs below the usual score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rupture marker counts from this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rupture marker is strong from this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emotions that signal a rupture on their own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement that shows a repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same answer to this many questions: to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reversed question this far off: contradictory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer seconds per answer: answered in haste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An estimate of the other is accurate within (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages apart before a stage mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A drop over visits counts from (SD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits allowed for a recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered within (standard errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brief visits: a drop counts from (SRS points, 0-40)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converging or drifting from (points per visit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits needed to judge convergence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much patients&apos; scores usually vary. Larger: a gap must be wider to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same for physicians&apos; scores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How steady a patient&apos;s score is from one day to the next (0 to 1). Lower: more gaps put down to chance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same for the physician&apos;s answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many questions those reliabilities were measured on; shorter forms are read as less steady.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure a gap must be before it is reported. 1.96 means 95% sure; larger: fewer, surer flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients usually rate the alliance a little higher than physicians; this much is not a finding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patient&apos;s usual score, the reference for a low alliance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far below the usual score an alliance counts as low. Larger: only very low scores are flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a 1 to 5 answer, the point from which a sign of rupture (going quiet, disagreeing) is counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The point from which that sign counts as strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many difficult emotions, ticked together, point to a rupture even without other signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a disagreement was voiced, agreement at or above this counts as repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same answer to this many questions in a row suggests checking the answers with the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question asked the other way round that differs this much from its neighbours is marked as contradictory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers given faster than this, on average, are marked as possibly hasty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How close a guess of the other&apos;s answer must be to count as accurate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many stages of change apart the two views may be before they are flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How large a fall between visits counts as a drop. Larger: fewer episodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many visits a score has to come back before the episode is called unresolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How close to its former level a score must come back to count as recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On brief forms, the fall that raises a drop alert, in points of the 0 to 40 SRS scale: 1 is a tenth of a point on the 1 to 5 answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast the gap between the two views must change, per visit, to say they converge or drift apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many visits are needed before saying anything about convergence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (default: {value}):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock the clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the demo clinic, with invented people only. Its passphrase is published: {passphrase}. Then sign in as {logins} (a physician, a second physician, reception, administration), password {password}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase does not open the clinic database. Check capital letters and spaces, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a Dyade database. You can restore the latest backup, or ask the person who looks after the clinic&apos;s laptops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a Dyade database, and no backup next to it opens with this passphrase and passes its checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clinic is already open in another Dyade window on this computer. Close the other Dyade window, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the clinic passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the damaged file with the backup {name}? The damaged file is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitCodeDialog</name>
    <message>
        <source>Visit created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit of patient {code} is ready. Its code for the kiosk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this code to the patient, or open the kiosk on this laptop now and hand it over: the questionnaire starts at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand to patient (open the kiosk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDateDialog</name>
    <message>
        <source>Change the visit&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visit of patient {code} planned for {date}: choose the day the patient will come. Its kiosk code and any answers already given stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitReview</name>
    <message>
        <source>Question (patient&apos;s wording)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores of both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the comparison found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each finding: the answers behind it, ways to repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visit with both questionnaires complete yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General alliance (bond)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specific to the care (goals, means, understanding, know-how)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores of both sides, by subscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean answers from 1 (low) to 5 (high).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scorable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subscale}: patient {patient}, physician {physician}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the patient&apos;s estimate of the physician: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the physician&apos;s estimate of the patient: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physician&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ways to repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subscale}: {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each one&apos;s estimate of the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item by item (largest gaps first; two points or more apart: highlighted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each question, both answers and their gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question and answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>What just happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
