<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnswersCheckList</name>
    <message>
        <source>You preferred not to answer</source>
        <translation>Vous avez préféré ne pas répondre</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change the answer to: {question}</source>
        <translation>Modifier la réponse à&#xa0;: {question}</translation>
    </message>
    <message>
        <source>Current answer: {answer}</source>
        <translation>Réponse actuelle&#xa0;: {answer}</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Analysing every dyad again with the new thresholds…</source>
        <translation>Nouvelle analyse de chaque dyade avec les nouveaux seuils…</translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Writing the PDF of each selected dyad…</source>
        <translation>Écriture du PDF de chaque dyade sélectionnée…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>Arrêt après le fichier en cours…</translation>
    </message>
    <message>
        <source>{n} PDF(s) written in {folder}.</source>
        <translation>{n} PDF écrit(s) dans {folder}.</translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation>le fichier existe déjà</translation>
    </message>
    <message>
        <source>Not exported: {code}: {why}</source>
        <translation>Non exporté : {code} : {why}</translation>
    </message>
    <message>
        <source>Export stopped. The PDFs already written are kept in {folder}.</source>
        <translation>Export arrêté. Les PDF déjà écrits sont conservés dans {folder}.</translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Welcome to Dyade. Step 1 of 3: your clinic</source>
        <translation>Bienvenue dans Dyade. Étape 1 sur 3 : votre cabinet</translation>
    </message>
    <message>
        <source>Three steps set Dyade up on this laptop: the clinic, the passphrase that encrypts its data, and your own account. The clinic&apos;s name is shown on the patient kiosk and on the reports.</source>
        <translation>Trois étapes suffisent pour installer Dyade sur cet ordinateur : le cabinet, la phrase secrète qui chiffre ses données, puis votre compte. Le nom du cabinet apparaît sur la borne des patients et sur les rapports.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom du cabinet</translation>
    </message>
    <message>
        <source>Default language</source>
        <translation>Langue par défaut</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Your questionnaire code</source>
        <translation>Votre code de questionnaire</translation>
    </message>
    <message>
        <source>Type or touch the code of 6 letters and digits that the front desk gave you, then Continue.</source>
        <translation>Tapez ou touchez le code de 6 lettres et chiffres remis par l’accueil, puis Continuer.</translation>
    </message>
    <message>
        <source>Questionnaire code</source>
        <translation>Code du questionnaire</translation>
    </message>
    <message>
        <source>6 letters and digits, for example 7KQ3MD</source>
        <translation>6 lettres et chiffres, par exemple 7KQ3MD</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Votre code</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Erase the last sign of the code</source>
        <translation>Effacer le dernier signe du code</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Open the questionnaire for this code</source>
        <translation>Ouvrir le questionnaire correspondant à ce code</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Staff account</source>
        <translation>Compte du personnel</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Dyad</source>
        <translation>Dyade</translation>
    </message>
    <message>
        <source>Shared dyad</source>
        <translation>Dyade partagée</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Questionnaire answered</source>
        <translation>Questionnaire rempli</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Entrée du journal</translation>
    </message>
    <message>
        <source>the same record with different content</source>
        <translation>le même enregistrement, au contenu différent</translation>
    </message>
    <message>
        <source>the same code is already used here</source>
        <translation>le même code est déjà utilisé ici</translation>
    </message>
    <message>
        <source>it refers to a record missing here</source>
        <translation>il renvoie à un enregistrement absent ici</translation>
    </message>
    <message>
        <source>{kind}: {changes}
({reason})</source>
        <translation>{kind}&#xa0;: {changes}
({reason})</translation>
    </message>
    <message>
        <source>Conflicts kept aside</source>
        <translation>Conflits mis de côté</translation>
    </message>
    <message>
        <source>Records that arrived from another laptop but differ from this one&apos;s. Nothing was overwritten: keep this laptop&apos;s record, or take the one that arrived (ours → theirs).</source>
        <translation>Des enregistrements arrivés d’un autre ordinateur diffèrent de ceux de celui-ci. Rien n’a été écrasé&#xa0;: gardez l’enregistrement de cet ordinateur, ou reprenez celui qui est arrivé (le nôtre → le leur).</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Garder le nôtre</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Reprendre le leur</translation>
    </message>
</context>
<context>
    <name>CountdownBanner</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>Are you still there? This screen will close in {seconds} s. Your answers are saved. Touch the screen or press a key to go on.</source>
        <translation>Êtes-vous toujours là&#xa0;? Cet écran se fermera dans {seconds}&#xa0;s. Vos réponses sont enregistrées. Touchez l’écran ou appuyez sur une touche pour continuer.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Attention</source>
        <translation>Attention requise</translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation>Code patient</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Dernière visite</translation>
    </message>
    <message>
        <source>The latest visit both sides have answered</source>
        <translation>La dernière visite à laquelle les deux côtés ont répondu</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <source>The patient&apos;s bond score since the visit before: up, down or steady</source>
        <translation>Le score de lien du patient depuis la visite précédente : en hausse, en baisse ou stable</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>Médecin</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Your dyads, the most pressing first</source>
        <translation>Vos dyades, les plus urgentes d’abord</translation>
    </message>
    <message>
        <source>Your dyads, those that need a look first at the top: what one side only saw, or anything marked, then unresolved episodes, ruptures seen by both, different goals or stages, then a single mild sign or a lower rating. Double-click a dyad to review it.</source>
        <translation>Vos dyades, celles qui demandent un regard d’abord en haut&#xa0;: ce qu’un seul côté a vu, ou ce qui est marqué, puis les épisodes non résolus, les ruptures vues des deux côtés, les buts ou stades différents, puis un signe léger isolé ou une cote plus basse. Double-cliquez une dyade pour la revoir.</translation>
    </message>
    <message>
        <source>No dyad yet. A dyad is one patient with one physician. To begin: add a patient in “Patients and visits”, start a dyad with you as the physician, then create a visit and hand the kiosk to the patient. The dyad appears here; its comparison is ready once both of you have answered.</source>
        <translation>Aucune dyade pour l’instant. Une dyade, c’est un patient avec un médecin. Pour commencer : ajoutez un patient dans « Patients et visites », créez une dyade dont vous êtes le médecin, puis une visite, et confiez la borne au patient. La dyade apparaît ici ; sa comparaison est prête quand vous avez répondu tous les deux.</translation>
    </message>
    <message>
        <source>Go to Patients and visits</source>
        <translation>Aller à Patients et visites</translation>
    </message>
    <message>
        <source>Review the selected dyad</source>
        <translation>Examiner la dyade choisie</translation>
    </message>
    <message>
        <source>Export the selected dyads as PDF…</source>
        <translation>Exporter les dyades sélectionnées en PDF…</translation>
    </message>
    <message>
        <source>Ctrl+click or Shift+click to select several dyads; one PDF each</source>
        <translation>Ctrl+clic ou Maj+clic pour sélectionner plusieurs dyades ; un PDF par dyade</translation>
    </message>
    <message>
        <source>Nothing to report</source>
        <translation>Rien à signaler</translation>
    </message>
    <message>
        <source>No complete visit yet</source>
        <translation>Pas encore de visite complète</translation>
    </message>
    <message>
        <source>{n} unresolved episode(s) in this dyad&apos;s history</source>
        <translation>{n} épisode(s) non résolu(s) dans l’histoire de cette dyade</translation>
    </message>
    <message>
        <source>▲ up {n}</source>
        <translation>▲ en hausse {n}</translation>
    </message>
    <message>
        <source>▼ down {n}</source>
        <translation>▼ en baisse {n}</translation>
    </message>
    <message>
        <source>▬ steady</source>
        <translation>▬ stable</translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation>{name} (partagée)</translation>
    </message>
</context>
<context>
    <name>DyadDialog</name>
    <message>
        <source>Start a dyad</source>
        <translation>Créer une dyade</translation>
    </message>
    <message>
        <source>A dyad pairs this patient with one physician: their visits are compared and followed together. Only that physician (and colleagues they share it with) will see the answers.</source>
        <translation>Une dyade associe ce patient à un médecin : leurs visites sont comparées et suivies ensemble. Seul ce médecin (et les confrères avec qui il la partage) verra les réponses.</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>Médecin</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Dyade</source>
        <translation>Dyade</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Something went wrong and Dyade could not finish this action. Your saved answers are safe. The details are in the log file: {path}</source>
        <translation>Un problème a empêché Dyade de terminer cette action. Les réponses déjà enregistrées sont en sécurité. Les détails se trouvent dans le fichier journal&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Export this visit as PDF…</source>
        <translation>Exporter cette visite en PDF…</translation>
    </message>
    <message>
        <source>Export the history as PDF…</source>
        <translation>Exporter l’historique en PDF…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>A summary of this visit: both sides&apos; scores, what the comparison found, with its evidence and ways to repair.</source>
        <translation>Une synthèse de cette visite : les scores des deux côtés, ce que la comparaison a relevé, avec les réponses en appui et des pistes de réparation.</translation>
    </message>
    <message>
        <source>This dyad&apos;s history: every complete visit, the rupture–repair episodes and the latest visit&apos;s summary.</source>
        <translation>L’historique de cette dyade : chaque visite complète, les épisodes de rupture et de réparation, et la synthèse de la dernière visite.</translation>
    </message>
    <message>
        <source>The history of each selected dyad, one PDF per dyad, in one folder. Dyads without a complete visit are listed and skipped.</source>
        <translation>L’historique de chaque dyade sélectionnée, un PDF par dyade, dans un même dossier. Les dyades sans visite complète sont signalées et laissées de côté.</translation>
    </message>
    <message>
        <source>Language of the PDF:</source>
        <translation>Langue du PDF :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Dossier des PDF</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>Enregistrer le PDF sous</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>These files already exist:
{files}

Replace them?</source>
        <translation>Ces fichiers existent déjà :
{files}

Les remplacer ?</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Remplacer les fichiers ?</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>the patient, not the physician</source>
        <translation>le patient, pas le médecin</translation>
    </message>
    <message>
        <source>the physician, not the patient</source>
        <translation>le médecin, pas le patient</translation>
    </message>
    <message>
        <source>both the patient and the physician</source>
        <translation>le patient et le médecin</translation>
    </message>
    <message>
        <source>neither side, from their answers</source>
        <translation>aucun des deux, d’après leurs réponses</translation>
    </message>
    <message>
        <source>not known (answers missing)</source>
        <translation>inconnu (réponses manquantes)</translation>
    </message>
    <message>
        <source>the physician&apos;s answers</source>
        <translation>les réponses du médecin</translation>
    </message>
    <message>
        <source>the patient&apos;s answers</source>
        <translation>les réponses du patient</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Answers concerned</source>
        <translation>Réponses concernées</translation>
    </message>
    <message>
        <source>Who saw it</source>
        <translation>Qui l’a vu</translation>
    </message>
    <message>
        <source>To open the next visit</source>
        <translation>Pour ouvrir la prochaine visite</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Shown:</source>
        <translation>Affiché&#xa0;:</translation>
    </message>
    <message>
        <source>patient&apos;s answers</source>
        <translation>réponses du patient</translation>
    </message>
    <message>
        <source>physician&apos;s answers</source>
        <translation>réponses du médecin</translation>
    </message>
    <message>
        <source>repaired</source>
        <translation>réparé</translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation>non résolu</translation>
    </message>
    <message>
        <source>Course over the visits: {subscale}</source>
        <translation>Évolution au fil des visites&#xa0;: {subscale}</translation>
    </message>
    <message>
        <source>Visit of {date}: patient {patient}, physician {physician}</source>
        <translation>Visite du {date}&#xa0;: patient {patient}, médecin {physician}</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>non calculé</translation>
    </message>
    <message>
        <source>the patient</source>
        <translation>le patient</translation>
    </message>
    <message>
        <source>the physician</source>
        <translation>le médecin</translation>
    </message>
    <message>
        <source>✓ Repaired: {what} ({side}) dropped after {start}, back by {end}.</source>
        <translation>✓ Réparé&#xa0;: {what} ({side}) a baissé après le {start} et est revenu le {end}.</translation>
    </message>
    <message>
        <source>○ Unresolved: {what} ({side}) dropped after {start}, not recovered yet.</source>
        <translation>○ Non résolu&#xa0;: {what} ({side}) a baissé après le {start} et n’est pas encore revenu.</translation>
    </message>
    <message>
        <source>No rupture–repair episode in this dyad&apos;s history.</source>
        <translation>Aucun épisode de rupture et de réparation dans l’histoire de cette dyade.</translation>
    </message>
    <message>
        <source>The two perceptions are getting closer over the visits.</source>
        <translation>Les deux perceptions se rapprochent au fil des visites.</translation>
    </message>
    <message>
        <source>The two perceptions are drifting apart over the visits.</source>
        <translation>Les deux perceptions s’éloignent au fil des visites.</translation>
    </message>
    <message>
        <source>The gap between the two perceptions is steady.</source>
        <translation>L’écart entre les deux perceptions reste stable.</translation>
    </message>
    <message>
        <source>Too few visits yet to tell whether the perceptions converge.</source>
        <translation>Encore trop peu de visites pour dire si les perceptions se rapprochent.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome to Dyade</source>
        <translation>Bienvenue dans Dyade</translation>
    </message>
    <message>
        <source>Dyade compares how a patient and their physician each experienced the same visit, so that tensions one side did not notice can be talked about.</source>
        <translation>Dyade compare la façon dont un patient et son médecin ont chacun vécu la même consultation, pour que les tensions passées inaperçues d’un côté puissent être abordées.</translation>
    </message>
</context>
<context>
    <name>HubDialog</name>
    <message>
        <source>Link this laptop to the clinic&apos;s hub</source>
        <translation>Relier cet ordinateur au hub de la clinique</translation>
    </message>
    <message>
        <source>Paste the connection string the administrator gave for this laptop, and type the clinic passphrase.</source>
        <translation>Collez la chaîne de connexion que l’administrateur a donnée pour cet ordinateur, puis tapez la phrase secrète de la clinique.</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Chaîne de connexion</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>Enrol a device</source>
        <translation>Inscrire un appareil</translation>
    </message>
    <message>
        <source>With the hub administrator&apos;s connection string, create a device&apos;s access. Give the connection string shown to that laptop only.</source>
        <translation>Avec la chaîne de connexion de l’administrateur du hub, créez l’accès d’un appareil. Ne donnez la chaîne affichée qu’à cet ordinateur.</translation>
    </message>
    <message>
        <source>Administrator&apos;s connection string</source>
        <translation>Chaîne de connexion de l’administrateur</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>Nom de l’appareil</translation>
    </message>
    <message>
        <source>Revoke a device</source>
        <translation>Révoquer un appareil</translation>
    </message>
    <message>
        <source>A lost or stolen laptop: the hub refuses it from now on. The other devices go on.</source>
        <translation>Un ordinateur perdu ou volé&#xa0;: le hub le refuse désormais. Les autres appareils continuent.</translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <source>Listen</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>Reads the question and its answers aloud</source>
        <translation>Lit la question et ses réponses à voix haute</translation>
    </message>
    <message>
        <source>Type your answer here. Enter goes on; Shift+Enter starts a new line; Tab moves on to the buttons.</source>
        <translation>Écrivez votre réponse ici. Entrée passe à la suite&#xa0;; Maj+Entrée commence une nouvelle ligne&#xa0;; Tab passe aux boutons.</translation>
    </message>
    <message>
        <source>You may leave this empty.</source>
        <translation>Vous pouvez laisser ce champ vide.</translation>
    </message>
    <message>
        <source>I prefer not to answer</source>
        <translation>Je préfère ne pas répondre</translation>
    </message>
    <message>
        <source>Leave this question without an answer: {question}</source>
        <translation>Laisser cette question sans réponse&#xa0;: {question}</translation>
    </message>
    <message>
        <source>Key {key} turns this answer on or off. Question: {question}</source>
        <translation>La touche {key} coche ou décoche cette réponse. Question&#xa0;: {question}</translation>
    </message>
    <message>
        <source>Key {key} chooses this answer. Question: {question}</source>
        <translation>La touche {key} choisit cette réponse. Question&#xa0;: {question}</translation>
    </message>
</context>
<context>
    <name>KioskHeader</name>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Show the questions in French</source>
        <translation>Afficher les questions en français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Show the questions in English</source>
        <translation>Afficher les questions en anglais</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texte plus petit</translation>
    </message>
    <message>
        <source>Make the text on screen smaller</source>
        <translation>Réduire la taille du texte à l’écran</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>Make the text on screen larger</source>
        <translation>Agrandir le texte à l’écran</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Réservé au personnel</translation>
    </message>
    <message>
        <source>For the clinic&apos;s staff: sign in to leave the questionnaire screen</source>
        <translation>Pour le personnel du cabinet&#xa0;: se connecter pour quitter l’écran du questionnaire</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>A physician signs in here to leave the questionnaire screen.</source>
        <translation>Un médecin se connecte ici pour quitter l’écran du questionnaire.</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire patient</translation>
    </message>
    <message>
        <source>Questionnaire screen</source>
        <translation>Écran du questionnaire</translation>
    </message>
</context>
<context>
    <name>LanguageSwitch</name>
    <message>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Show Dyade in French</source>
        <translation>Afficher Dyade en français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Show Dyade in English</source>
        <translation>Afficher Dyade en anglais</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Staff sign-in</source>
        <translation>Connexion du personnel</translation>
    </message>
    <message>
        <source>Sign in with your Dyade account.</source>
        <translation>Connectez-vous avec votre compte Dyade.</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Press Enter to sign in</source>
        <translation>Appuyez sur Entrée pour vous connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Enter your login and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <source>This account cannot do this here.</source>
        <translation>Ce compte ne permet pas cette action ici.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in {seconds} s.</source>
        <translation>Trop d’essais infructueux. Réessayez dans {seconds}&#xa0;s.</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Press Enter to sign in</source>
        <translation>Appuyez sur Entrée pour vous connecter</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>médecin</translation>
    </message>
    <message>
        <source>reception</source>
        <translation>accueil</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>Demo clinic: sign in as {accounts}; the password is {password} for all.</source>
        <translation>Cabinet de démonstration&#xa0;: connectez-vous comme {accounts}&#xa0;; le mot de passe est {password} pour tous.</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>Too many failed attempts on this computer. Try again in {s} s.</source>
        <translation>Trop d’essais infructueux sur cet ordinateur. Réessayez dans {s} s.</translation>
    </message>
    <message>
        <source>You can try again in {s} s.</source>
        <translation>Nouvel essai possible dans {s} s.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dyade, version {version}</source>
        <translation>Dyade, version {version}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Sign out and show the sign-in screen</source>
        <translation>Se déconnecter et revenir à l’écran de connexion</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>médecin</translation>
    </message>
    <message>
        <source>reception</source>
        <translation>accueil</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Add a staff account</source>
        <translation>Ajouter un compte du personnel</translation>
    </message>
    <message>
        <source>Name shown in Dyade</source>
        <translation>Nom affiché dans Dyade</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Saisissez-le à nouveau</translation>
    </message>
</context>
<context>
    <name>OwnWordsBox</name>
    <message>
        <source>In the patient&apos;s words</source>
        <translation>Dans les mots du patient</translation>
    </message>
    <message>
        <source>Your notes on this visit</source>
        <translation>Vos notes sur cette visite</translation>
    </message>
    <message>
        <source>What each side wrote in their own words</source>
        <translation>Ce que chacun a écrit avec ses propres mots</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Step 2 of 3: the database passphrase</source>
        <translation>Étape 2 sur 3 : la phrase secrète de la base</translation>
    </message>
    <message>
        <source>Everything is encrypted with this passphrase. It is never stored: if it is lost, the data cannot be read. Write it down somewhere safe.</source>
        <translation>Toutes les données sont chiffrées avec cette phrase secrète. Elle n’est jamais enregistrée&#xa0;: si elle est perdue, les données deviennent illisibles. Notez-la en lieu sûr.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Saisissez-la à nouveau</translation>
    </message>
    <message>
        <source>At least {n} characters; a few words are easy to remember.</source>
        <translation>Au moins {n} caractères&#xa0;; quelques mots se retiennent facilement.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset a password</source>
        <translation>Réinitialiser un mot de passe</translation>
    </message>
    <message>
        <source>Your new password. It replaces the old one at once.</source>
        <translation>Votre nouveau mot de passe. Il remplace l’ancien aussitôt.</translation>
    </message>
    <message>
        <source>The new password of {name}. Give it to them in person; it replaces the old one at once and lifts a wait after wrong passwords.</source>
        <translation>Le nouveau mot de passe de {name}. Transmettez-le en personne&#xa0;; il remplace l’ancien aussitôt et lève l’attente imposée après des mots de passe erronés.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Saisissez-le à nouveau</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>Add a patient</source>
        <translation>Ajouter un patient</translation>
    </message>
    <message>
        <source>Edit patient {code}</source>
        <translation>Modifier le patient {code}</translation>
    </message>
    <message>
        <source>The patient code is the one your clinic already uses (a file number, for example): it is how you find the patient again. The name is optional and never shown at the kiosk.</source>
        <translation>Le code patient est celui que votre cabinet utilise déjà (un numéro de dossier, par exemple) : c’est ainsi que vous retrouverez le patient. Le nom est facultatif et n’apparaît jamais sur la borne.</translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation>Code patient</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>Nom (facultatif)</translation>
    </message>
    <message>
        <source>Birth year (optional)</source>
        <translation>Année de naissance (facultative)</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Langue préférée</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patient code</source>
        <translation>Code patient</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>Médecin</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>shared with you</source>
        <translation>partagée avec vous</translation>
    </message>
    <message>
        <source>own</source>
        <translation>la vôtre</translation>
    </message>
    <message>
        <source>Patients and visits</source>
        <translation>Patients et visites</translation>
    </message>
    <message>
        <source>Dyads of the chosen patient</source>
        <translation>Dyades du patient choisi</translation>
    </message>
    <message>
        <source>Search by code or name</source>
        <translation>Rechercher par code ou par nom</translation>
    </message>
    <message>
        <source>Add a patient</source>
        <translation>Ajouter un patient</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Edit the chosen patient</source>
        <translation>Modifier le patient choisi</translation>
    </message>
    <message>
        <source>Change the chosen patient&apos;s name, birth year or language</source>
        <translation>Changer le nom, l’année de naissance ou la langue du patient choisi</translation>
    </message>
    <message>
        <source>Start a dyad with a physician</source>
        <translation>Créer une dyade avec un médecin</translation>
    </message>
    <message>
        <source>Share this dyad with a colleague…</source>
        <translation>Partager cette dyade avec un confrère…</translation>
    </message>
    <message>
        <source>Only the dyad&apos;s own physician (or an administrator) shares it.</source>
        <translation>Seul le médecin de la dyade (ou un administrateur) peut la partager.</translation>
    </message>
    <message>
        <source>New visit (full forms)</source>
        <translation>Nouvelle visite (questionnaires complets)</translation>
    </message>
    <message>
        <source>New visit (brief forms)</source>
        <translation>Nouvelle visite (questionnaires courts)</translation>
    </message>
    <message>
        <source>A dyad is one patient with one physician; Dyade compares their two views.</source>
        <translation>Une dyade, c’est un patient avec un médecin ; Dyade compare leurs deux regards.</translation>
    </message>
    <message>
        <source>Full: the complete questionnaires, for a first visit or a periodic check.</source>
        <translation>Complète : les questionnaires entiers, pour une première visite ou un point régulier.</translation>
    </message>
    <message>
        <source>Brief: a few questions on each side, for the follow-up visits in between.</source>
        <translation>Brève : quelques questions de chaque côté, pour les visites de suivi entre-temps.</translation>
    </message>
    <message>
        <source>This patient has no dyad yet: a new visit starts one with you (reception chooses the physician), or start one with another physician below.</source>
        <translation>Ce patient n’a pas encore de dyade&#xa0;: une nouvelle visite en crée une avec vous (l’accueil choisit le médecin), ou créez-en une avec un autre médecin ci-dessous.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s code: the one your clinic already uses.</source>
        <translation>Saisissez le code du patient&#xa0;: celui que votre cabinet utilise déjà.</translation>
    </message>
    <message>
        <source>Another patient already has the code {code}. Choose another code, or find that patient in the list.</source>
        <translation>Un autre patient a déjà le code {code}. Choisissez un autre code, ou retrouvez ce patient dans la liste.</translation>
    </message>
    <message>
        <source>A dyad is one patient with one physician. Choose it above, then create a visit: Dyade gives a code for the kiosk and adds both questionnaires to the list of questionnaires to fill in. Full forms: the complete questionnaires, for a first visit or a periodic check; brief forms: a few questions, for follow-ups.</source>
        <translation>Une dyade, c’est un patient avec un médecin. Choisissez-la ci-dessus, puis créez une visite : Dyade donne un code pour la borne et ajoute les deux questionnaires à la liste des questionnaires à remplir. Questionnaires complets : en entier, pour une première visite ou un point régulier ; questionnaires courts : quelques questions, pour le suivi.</translation>
    </message>
    <message>
        <source>Choose a patient in the list.</source>
        <translation>Choisissez un patient dans la liste.</translation>
    </message>
    <message>
        <source>Patients of the clinic</source>
        <translation>Patients du cabinet</translation>
    </message>
    <message>
        <source>Patient: {code}</source>
        <translation>Patient&#xa0;: {code}</translation>
    </message>
</context>
<context>
    <name>PendingPage</name>
    <message>
        <source>Visit date</source>
        <translation>Date de la visite</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Patient code</source>
        <translation>Code patient</translation>
    </message>
    <message>
        <source>Kiosk code</source>
        <translation>Code de la borne</translation>
    </message>
    <message>
        <source>Who fills it</source>
        <translation>Rempli par</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Questionnaires to fill in</source>
        <translation>Questionnaires à remplir</translation>
    </message>
    <message>
        <source>Today&apos;s visits and older ones not finished yet (marked overdue). Open the kiosk for a patient questionnaire; fill in your own after the consultation.</source>
        <translation>Les visites du jour et les plus anciennes encore inachevées (marquées «&#xa0;en retard&#xa0;»). Ouvrez la borne pour un questionnaire patient&#xa0;; remplissez le vôtre après la consultation.</translation>
    </message>
    <message>
        <source>Hand to patient (open the kiosk)</source>
        <translation>Confier au patient (ouvrir la borne)</translation>
    </message>
    <message>
        <source>Fill in my questionnaire</source>
        <translation>Remplir mon questionnaire</translation>
    </message>
    <message>
        <source>Change the date…</source>
        <translation>Changer la date…</translation>
    </message>
    <message>
        <source>The patient will come another day</source>
        <translation>Le patient viendra un autre jour</translation>
    </message>
    <message>
        <source>Cancel the visit…</source>
        <translation>Annuler la visite…</translation>
    </message>
    <message>
        <source>The patient did not come and will not</source>
        <translation>Le patient n’est pas venu et ne viendra pas</translation>
    </message>
    <message>
        <source>Nothing to fill in now. A new visit (Patients and visits) adds its two questionnaires here.</source>
        <translation>Rien à remplir pour l’instant. Une nouvelle visite (Patients et visites) ajoute ici ses deux questionnaires.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>patient (kiosk)</source>
        <translation>patient (borne)</translation>
    </message>
    <message>
        <source>physician</source>
        <translation>médecin</translation>
    </message>
    <message>
        <source>started</source>
        <translation>commencé</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <source>Cancel the visit</source>
        <translation>Annuler la visite</translation>
    </message>
    <message>
        <source>Cancel the visit of patient {code} planned for {date}? Both questionnaires leave this list; answers already given are kept.</source>
        <translation>Annuler la visite du patient {code} prévue le {date}&#xa0;? Les deux questionnaires quittent cette liste&#xa0;; les réponses déjà données sont gardées.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
</context>
<context>
    <name>PhysicianPage</name>
    <message>
        <source>Step 3 of 3: your account</source>
        <translation>Étape 3 sur 3 : votre compte</translation>
    </message>
    <message>
        <source>The first physician account. It can add colleagues and reception staff.</source>
        <translation>Le premier compte médecin. Il pourra ajouter des confrères et le personnel d’accueil.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Saisissez-le à nouveau</translation>
    </message>
    <message>
        <source>Choose a login: one word, without spaces.</source>
        <translation>Choisissez un identifiant&#xa0;: un seul mot, sans espace.</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>Le mot de passe doit compter au moins {n} caractères.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>PhysicianQuestionnaireWindow</name>
    <message>
        <source>Dyade: your questionnaire</source>
        <translation>Dyade&#xa0;: votre questionnaire</translation>
    </message>
    <message>
        <source>Your questionnaire: patient {code}, visit of {date}</source>
        <translation>Votre questionnaire&#xa0;: patient {code}, visite du {date}</translation>
    </message>
    <message>
        <source>Each answer is saved as you give it: you can close this window and come back later from the list of questionnaires to fill in.</source>
        <translation>Chaque réponse est enregistrée dès qu’elle est donnée&#xa0;: vous pouvez fermer cette fenêtre et revenir plus tard depuis la liste des questionnaires à remplir.</translation>
    </message>
</context>
<context>
    <name>PrintButton</name>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>The card: own words and findings</source>
        <translation>La fiche&#xa0;: les mots de chacun et les constats</translation>
    </message>
    <message>
        <source>The whole visit, with details and items</source>
        <translation>Toute la visite, avec les détails et les questions</translation>
    </message>
    <message>
        <source>The visit summary PDF</source>
        <translation>Le résumé PDF de la visite</translation>
    </message>
    <message>
        <source>Print the review</source>
        <translation>Imprimer la revue</translation>
    </message>
</context>
<context>
    <name>PsychometricsBox</name>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Adopted from {n} visits ({form}, version {version}).</source>
        <translation>Adoptés à partir de {n} visites ({form}, version {version}).</translation>
    </message>
    <message>
        <source>Adopt the clinic&apos;s reliabilities</source>
        <translation>Adopter les fidélités du cabinet</translation>
    </message>
    <message>
        <source>Replace the spread, reliability and patient–physician offset of the analysis thresholds with the clinic&apos;s own? Every dyad is analysed again.</source>
        <translation>Remplacer la dispersion, la fidélité et l’écart patient–médecin des seuils d’analyse par ceux du cabinet&#xa0;? Chaque dyade est analysée à nouveau.</translation>
    </message>
    <message>
        <source>No completed questionnaire yet: nothing to describe.</source>
        <translation>Aucun questionnaire terminé pour l’instant&#xa0;: rien à décrire.</translation>
    </message>
    <message>
        <source>{n} visits have both sides complete: enough to adopt.</source>
        <translation>{n} visites ont leurs deux côtés terminés&#xa0;: assez pour adopter.</translation>
    </message>
    <message>
        <source>{n} visits have both sides complete; adopting needs at least {need}.</source>
        <translation>{n} visites ont leurs deux côtés terminés&#xa0;; il en faut au moins {need} pour adopter.</translation>
    </message>
    <message>
        <source>The clinic&apos;s own data</source>
        <translation>Les données du cabinet</translation>
    </message>
    <message>
        <source>Hide the clinic&apos;s own data</source>
        <translation>Masquer les données du cabinet</translation>
    </message>
    <message>
        <source>Show the clinic&apos;s own data</source>
        <translation>Afficher les données du cabinet</translation>
    </message>
    <message>
        <source>How the clinic&apos;s questionnaires behave</source>
        <translation>Comment se comportent les questionnaires du cabinet</translation>
    </message>
    <message>
        <source>Computed from the clinic&apos;s completed questionnaires, per form version and subscale. Nothing is shown of any one person.</source>
        <translation>Calculé à partir des questionnaires terminés du cabinet, par version de questionnaire et sous-échelle. Rien n’est montré d’une personne en particulier.</translation>
    </message>
    <message>
        <source>α (Cronbach) and ω (McDonald) say how consistently the items of a subscale measure the same thing: 0.70 or more is usually enough, and the interval in brackets shows how sure the number is. Floor and ceiling: the share of answers at the lowest or highest end of the scale, where change cannot show.</source>
        <translation>α (Cronbach) et ω (McDonald) disent avec quelle cohérence les questions d’une sous-échelle mesurent la même chose&#xa0;: 0,70 ou plus suffit en général, et l’intervalle entre crochets montre la précision du nombre. Plancher et plafond&#xa0;: la part des réponses au bas ou au haut de l’échelle, là où un changement ne peut pas se voir.</translation>
    </message>
    <message>
        <source>Compute from the clinic&apos;s data</source>
        <translation>Calculer à partir des données du cabinet</translation>
    </message>
    <message>
        <source>Adopt these reliabilities</source>
        <translation>Adopter ces fidélités</translation>
    </message>
    <message>
        <source>Reliability per form version and subscale</source>
        <translation>Fidélité par version de questionnaire et sous-échelle</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Subscale</source>
        <translation>Sous-échelle</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>α [95 % interval]</source>
        <translation>α [intervalle à 95&#xa0;%]</translation>
    </message>
    <message>
        <source>ω [95 % interval]</source>
        <translation>ω [intervalle à 95&#xa0;%]</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Plancher</translation>
    </message>
    <message>
        <source>Ceiling</source>
        <translation>Plafond</translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <source>Your questionnaire for patient {code} is saved. Both sides have answered: the comparison is ready on the dashboard.</source>
        <translation>Votre questionnaire pour le patient {code} est enregistré. Les deux côtés ont répondu : la comparaison est prête dans le tableau de bord.</translation>
    </message>
    <message>
        <source>Your questionnaire for patient {code} is saved. The comparison will be ready on the dashboard once the patient has answered too.</source>
        <translation>Votre questionnaire pour le patient {code} est enregistré. La comparaison sera prête dans le tableau de bord quand le patient aura répondu à son tour.</translation>
    </message>
</context>
<context>
    <name>QuestionnaireView</name>
    <message>
        <source>Some questions still need an answer.</source>
        <translation>Certaines questions attendent encore une réponse.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Go back to the previous question (Left arrow or Backspace)</source>
        <translation>Revenir à la question précédente (flèche gauche ou retour arrière)</translation>
    </message>
    <message>
        <source>Send my answers</source>
        <translation>Envoyer mes réponses</translation>
    </message>
    <message>
        <source>Send your answers; you cannot change them afterwards (Enter)</source>
        <translation>Envoyer vos réponses&#xa0;; elles ne pourront plus être modifiées ensuite (Entrée)</translation>
    </message>
    <message>
        <source>Check your answers, then send them.</source>
        <translation>Vérifiez vos réponses, puis envoyez-les.</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Go on to the next question (Enter or Right arrow)</source>
        <translation>Passer à la question suivante (Entrée ou flèche droite)</translation>
    </message>
    <message>
        <source>Choose an answer to go on: touch it, or press the key shown on it.</source>
        <translation>Choisissez une réponse pour continuer&#xa0;: touchez-la, ou appuyez sur la touche indiquée dessus.</translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation>Vos réponses</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>Question {n} sur {total}</translation>
    </message>
    <message>
        <source>Questions {first} to {last} of {total}</source>
        <translation>Questions {first} à {last} sur {total}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Dyade: dyad review</source>
        <translation>Dyade&#xa0;: examen de la dyade</translation>
    </message>
    <message>
        <source>Patient {code} with {physician}</source>
        <translation>Patient {code} avec {physician}</translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation>Visite&#xa0;:</translation>
    </message>
    <message>
        <source>This visit, side by side</source>
        <translation>Cette visite, côte à côte</translation>
    </message>
    <message>
        <source>History over visits</source>
        <translation>Histoire au fil des visites</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change a role</source>
        <translation>Changer un rôle</translation>
    </message>
    <message>
        <source>The role of {name}. What the account sees changes at its next sign-in.</source>
        <translation>Le rôle de {name}. Ce que voit le compte change à sa prochaine connexion.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
</context>
<context>
    <name>SavedNotice</name>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open the PDF with this computer&apos;s PDF reader</source>
        <translation>Ouvrir le PDF avec le lecteur de PDF de cet ordinateur</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Open the folder that holds the PDF</source>
        <translation>Ouvrir le dossier qui contient le PDF</translation>
    </message>
    <message>
        <source>Saved: {name} in {folder}</source>
        <translation>Enregistré&#xa0;: {name} dans {folder}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Advanced: analysis thresholds</source>
        <translation>Avancé&#xa0;: seuils de l’analyse</translation>
    </message>
    <message>
        <source>Hide the thresholds</source>
        <translation>Masquer les seuils</translation>
    </message>
    <message>
        <source>Show the thresholds</source>
        <translation>Afficher les seuils</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Réglages enregistrés.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Clinic&apos;s forms folder</source>
        <translation>Dossier des questionnaires du cabinet</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Language, reports and idle times</source>
        <translation>Langue, rapports et délais d’inactivité</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Questionnaires used</source>
        <translation>Questionnaires utilisés</translation>
    </message>
    <message>
        <source>Analysis thresholds</source>
        <translation>Seuils de l’analyse</translation>
    </message>
    <message>
        <source>Clinic&apos;s language (first screen, new accounts):</source>
        <translation>Langue du cabinet (premier écran, nouveaux comptes) :</translation>
    </message>
    <message>
        <source>PDF page size:</source>
        <translation>Format des pages PDF :</translation>
    </message>
    <message>
        <source>Lock the workspace after (minutes without use):</source>
        <translation>Verrouiller l’espace de travail après (minutes sans activité) :</translation>
    </message>
    <message>
        <source>Kiosk back to its welcome screen after (seconds):</source>
        <translation>Retour de la borne à l’accueil après (secondes) :</translation>
    </message>
    <message>
        <source>Kiosk: a single-choice answer goes on by itself:</source>
        <translation>Kiosque&#xa0;: une réponse à choix unique passe seule à la suite&#xa0;:</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>Dossier des sauvegardes :</translation>
    </message>
    <message>
        <source>Daily backups kept:</source>
        <translation>Sauvegardes quotidiennes conservées :</translation>
    </message>
    <message>
        <source>Full visit (the complete questionnaires):</source>
        <translation>Visite complète (les questionnaires entiers) :</translation>
    </message>
    <message>
        <source>Brief visit (a few questions, for follow-ups):</source>
        <translation>Visite brève (quelques questions, pour le suivi) :</translation>
    </message>
    <message>
        <source>Clinic&apos;s own forms folder:</source>
        <translation>Dossier des questionnaires propres au cabinet :</translation>
    </message>
    <message>
        <source>Empty: a “backups” folder next to the database ({path})</source>
        <translation>Vide : un dossier « backups » à côté de la base ({path})</translation>
    </message>
    <message>
        <source>Empty: Dyade&apos;s own forms folder</source>
        <translation>Vide : le dossier de questionnaires de Dyade</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Save the settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>The numbers behind each flag (docs/ANALYSIS.md explains them). Change them only with good reason; saving analyses every dyad again.</source>
        <translation>Les valeurs derrière chaque signal (docs/ANALYSIS.md les explique). Ne les changez qu’à bon escient ; l’enregistrement relance l’analyse de chaque dyade.</translation>
    </message>
    <message>
        <source>Default: {value}</source>
        <translation>Par défaut : {value}</translation>
    </message>
    <message>
        <source>Reset the thresholds to their defaults</source>
        <translation>Remettre les seuils par défaut</translation>
    </message>
    <message>
        <source>Every form file was loaded.</source>
        <translation>Tous les fichiers de questionnaires ont été chargés.</translation>
    </message>
    <message>
        <source>These form files could not be loaded:</source>
        <translation>Ces fichiers de questionnaires n’ont pas pu être chargés :</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Dyade: set up the clinic</source>
        <translation>Dyade&#xa0;: installation du cabinet</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share a dyad</source>
        <translation>Partager une dyade</translation>
    </message>
    <message>
        <source>The colleagues ticked here see the answers and the review of patient {code} with you (a replacement, a supervision). Untick to stop sharing. Each change is written to the audit log.</source>
        <translation>Les confrères cochés ici voient avec vous les réponses et l’examen du patient {code} (un remplacement, une supervision). Décochez pour arrêter le partage. Chaque changement est inscrit au journal d’audit.</translation>
    </message>
    <message>
        <source>There is no other physician account in this clinic yet.</source>
        <translation>Ce cabinet n’a pas encore d’autre compte médecin.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Physician</source>
        <translation>Médecin</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Fills in their side after each visit and reviews their own dyads and those shared with them. Manages staff accounts.</source>
        <translation>Remplit son questionnaire après chaque visite et examine ses dyades et celles partagées avec lui. Gère les comptes du personnel.</translation>
    </message>
    <message>
        <source>Adds patients, books visits and hands the kiosk. Never sees answers.</source>
        <translation>Ajoute les patients, crée les visites et confie la borne. Ne voit jamais les réponses.</translation>
    </message>
    <message>
        <source>Settings, backups and staff accounts; can open the answers of every dyad.</source>
        <translation>Réglages, sauvegardes et comptes du personnel&#xa0;; peut ouvrir les réponses de toutes les dyades.</translation>
    </message>
    <message>
        <source>This is your own account: you can reset its password; another physician or administrator can change its role or deactivate it.</source>
        <translation>C’est votre propre compte&#xa0;: vous pouvez réinitialiser son mot de passe&#xa0;; un autre médecin ou l’administration peut changer son rôle ou le désactiver.</translation>
    </message>
    <message>
        <source>{name} is the only active physician or administrator account: it keeps a role that manages accounts and stays active until another one is added or reactivated.</source>
        <translation>{name} est le seul compte actif de médecin ou d’administration&#xa0;: il garde un rôle qui gère les comptes et reste actif tant qu’un autre n’a pas été ajouté ou réactivé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
    <message>
        <source>Everyone who signs in to this clinic&apos;s Dyade, one account per person. An account no longer needed is deactivated rather than deleted: its dyads and its history stay.</source>
        <translation>Toutes les personnes qui se connectent au Dyade de ce cabinet, un compte par personne. Un compte qui ne sert plus est désactivé plutôt que supprimé&#xa0;: ses dyades et son historique restent.</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <source>Reset the password…</source>
        <translation>Réinitialiser le mot de passe…</translation>
    </message>
    <message>
        <source>Change the role…</source>
        <translation>Changer le rôle…</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (vous)</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Désactiver…</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Reactivate this account to change its role.</source>
        <translation>Réactivez ce compte pour changer son rôle.</translation>
    </message>
    <message>
        <source>The login {login} is already taken: choose another one.</source>
        <translation>L’identifiant {login} est déjà pris&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Deactivate an account</source>
        <translation>Désactiver un compte</translation>
    </message>
    <message>
        <source>Deactivate the account of {name}? They can no longer sign in. Their dyads and history stay, and the account can be reactivated later.</source>
        <translation>Désactiver le compte de {name}&#xa0;? Cette personne ne pourra plus se connecter. Ses dyades et son historique restent, et le compte pourra être réactivé plus tard.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Désactiver</translation>
    </message>
</context>
<context>
    <name>SyncBox</name>
    <message>
        <source>Hub: {hub}
This device: {device}
{state}</source>
        <translation>Hub&#xa0;: {hub}
Cet appareil&#xa0;: {device}
{state}</translation>
    </message>
    <message>
        <source>This laptop is not linked to a hub: it works alone and shares its work with transfer files.</source>
        <translation>Cet ordinateur n’est relié à aucun hub&#xa0;: il travaille seul et partage son travail par fichiers de transfert.</translation>
    </message>
    <message>
        <source>Conflicts kept aside ({n})…</source>
        <translation>Conflits mis de côté ({n})…</translation>
    </message>
    <message>
        <source>Clinic hub (sync)</source>
        <translation>Hub de la clinique (synchronisation)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Link to a hub…</source>
        <translation>Relier à un hub…</translation>
    </message>
    <message>
        <source>Enrol a device…</source>
        <translation>Inscrire un appareil…</translation>
    </message>
    <message>
        <source>Revoke a device…</source>
        <translation>Révoquer un appareil…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Hors ligne depuis {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Synchronisé à l’instant</translation>
    </message>
    <message>
        <source>Synced {n} min ago</source>
        <translation>Synchronisé il y a {n} min</translation>
    </message>
    <message>
        <source>Synced at {time}</source>
        <translation>Synchronisé à {time}</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 changement en attente</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>{n} changements en attente</translation>
    </message>
    <message>
        <source>1 conflict kept aside</source>
        <translation>1 conflit mis de côté</translation>
    </message>
    <message>
        <source>{n} conflicts kept aside</source>
        <translation>{n} conflits mis de côté</translation>
    </message>
</context>
<context>
    <name>ThanksPage</name>
    <message>
        <source>Thank you!</source>
        <translation>Merci&#xa0;!</translation>
    </message>
    <message>
        <source>Your answers have been sent. You can now give the laptop back to the front desk.</source>
        <translation>Vos réponses ont bien été envoyées. Vous pouvez maintenant rendre l’ordinateur à l’accueil.</translation>
    </message>
    <message>
        <source>Something may not have felt right today. That is useful to know, and you are welcome to talk about it with your doctor. For example:</source>
        <translation>Quelque chose ne vous a peut-être pas convenu aujourd’hui. C’est utile à savoir, et vous pouvez tout à fait en parler avec votre médecin. Par exemple&#xa0;:</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Close this page and return to the start</source>
        <translation>Fermer cette page et revenir à l’accueil</translation>
    </message>
    <message>
        <source>Print these words</source>
        <translation>Imprimer ces phrases</translation>
    </message>
    <message>
        <source>Print the phrases above on a card to take with you</source>
        <translation>Imprimer les phrases ci-dessus sur une carte à emporter</translation>
    </message>
    <message>
        <source>Back to the start in {seconds} s.</source>
        <translation>Retour à l’accueil dans {seconds}&#xa0;s.</translation>
    </message>
</context>
<context>
    <name>ThresholdNames</name>
    <message>
        <source>Spread of patients&apos; scores (SD, 1..5)</source>
        <translation>Dispersion des scores des patients (écart-type, 1..5)</translation>
    </message>
    <message>
        <source>Spread of physicians&apos; scores (SD, 1..5)</source>
        <translation>Dispersion des scores des médecins (écart-type, 1..5)</translation>
    </message>
    <message>
        <source>Reliability of the patient&apos;s subscales</source>
        <translation>Fidélité des sous-échelles du patient</translation>
    </message>
    <message>
        <source>Reliability of the physician&apos;s subscales</source>
        <translation>Fidélité des sous-échelles du médecin</translation>
    </message>
    <message>
        <source>Questions the reliabilities hold for</source>
        <translation>Questions sur lesquelles les fidélités valent</translation>
    </message>
    <message>
        <source>Confidence of a gap beyond chance (z)</source>
        <translation>Seuil d’un écart au-delà du hasard (z)</translation>
    </message>
    <message>
        <source>Usual patient-minus-physician offset (SD units)</source>
        <translation>Décalage habituel patient moins médecin (en écarts-types)</translation>
    </message>
    <message>
        <source>Usual patient score (1..5)</source>
        <translation>Score habituel des patients (1..5)</translation>
    </message>
    <message>
        <source>Low alliance: SDs below the usual score</source>
        <translation>Alliance basse : écarts-types sous le score habituel</translation>
    </message>
    <message>
        <source>A rupture marker counts from this answer</source>
        <translation>Un marqueur de rupture compte à partir de cette réponse</translation>
    </message>
    <message>
        <source>A rupture marker is strong from this answer</source>
        <translation>Un marqueur de rupture est fort à partir de cette réponse</translation>
    </message>
    <message>
        <source>Emotions that signal a rupture on their own</source>
        <translation>Émotions qui signalent à elles seules une rupture</translation>
    </message>
    <message>
        <source>Agreement that shows a repair</source>
        <translation>Accord qui montre une réparation</translation>
    </message>
    <message>
        <source>Same answer to this many questions: to check</source>
        <translation>Même réponse à autant de questions&#xa0;: à vérifier</translation>
    </message>
    <message>
        <source>A reversed question this far off: contradictory</source>
        <translation>Question inversée aussi éloignée&#xa0;: contradictoire</translation>
    </message>
    <message>
        <source>Fewer seconds per answer: answered in haste</source>
        <translation>Moins de secondes par réponse&#xa0;: réponses hâtives</translation>
    </message>
    <message>
        <source>An estimate of the other is accurate within (points)</source>
        <translation>Une estimation de l’autre est juste à moins de (points)</translation>
    </message>
    <message>
        <source>Stages apart before a stage mismatch</source>
        <translation>Écart de stades avant un désaccord de stade</translation>
    </message>
    <message>
        <source>A drop over visits counts from (SD)</source>
        <translation>Une baisse d’une visite à l’autre compte dès (écart-type)</translation>
    </message>
    <message>
        <source>Visits allowed for a recovery</source>
        <translation>Visites laissées pour un rétablissement</translation>
    </message>
    <message>
        <source>Recovered within (standard errors)</source>
        <translation>Rétabli à moins de (erreurs types)</translation>
    </message>
    <message>
        <source>Brief visits: a drop counts from (SRS points, 0-40)</source>
        <translation>Visites brèves&#xa0;: une baisse compte à partir de (points SRS, 0-40)</translation>
    </message>
    <message>
        <source>Converging or drifting from (points per visit)</source>
        <translation>Rapprochement ou éloignement dès (points par visite)</translation>
    </message>
    <message>
        <source>Visits needed to judge convergence</source>
        <translation>Visites nécessaires pour juger du rapprochement</translation>
    </message>
    <message>
        <source>How much patients&apos; scores usually vary. Larger: a gap must be wider to count.</source>
        <translation>Combien les scores des patients varient d’habitude. Plus grand&#xa0;: un écart doit être plus large pour compter.</translation>
    </message>
    <message>
        <source>The same for physicians&apos; scores.</source>
        <translation>De même pour les scores des médecins.</translation>
    </message>
    <message>
        <source>How steady a patient&apos;s score is from one day to the next (0 to 1). Lower: more gaps put down to chance.</source>
        <translation>À quel point le score d’un patient est stable d’un jour à l’autre (de 0 à 1). Plus bas&#xa0;: davantage d’écarts attribués au hasard.</translation>
    </message>
    <message>
        <source>The same for the physician&apos;s answers.</source>
        <translation>De même pour les réponses du médecin.</translation>
    </message>
    <message>
        <source>How many questions those reliabilities were measured on; shorter forms are read as less steady.</source>
        <translation>Sur combien de questions ces fidélités ont été mesurées&#xa0;; les questionnaires plus courts sont lus comme moins stables.</translation>
    </message>
    <message>
        <source>How sure a gap must be before it is reported. 1.96 means 95% sure; larger: fewer, surer flags.</source>
        <translation>À quel point un écart doit être sûr pour être signalé. 1,96 veut dire sûr à 95&#xa0;%&#xa0;; plus grand&#xa0;: moins de signalements, plus sûrs.</translation>
    </message>
    <message>
        <source>Patients usually rate the alliance a little higher than physicians; this much is not a finding.</source>
        <translation>Les patients notent d’habitude l’alliance un peu plus haut que les médecins&#xa0;; cet écart-là n’est pas un constat.</translation>
    </message>
    <message>
        <source>A patient&apos;s usual score, the reference for a low alliance.</source>
        <translation>Le score habituel d’un patient, la référence d’une alliance basse.</translation>
    </message>
    <message>
        <source>How far below the usual score an alliance counts as low. Larger: only very low scores are flagged.</source>
        <translation>À quelle distance sous le score habituel une alliance compte comme basse. Plus grand&#xa0;: seuls les scores très bas sont signalés.</translation>
    </message>
    <message>
        <source>On a 1 to 5 answer, the point from which a sign of rupture (going quiet, disagreeing) is counted.</source>
        <translation>Sur une réponse de 1 à 5, le point à partir duquel un signe de rupture (se taire, être en désaccord) est compté.</translation>
    </message>
    <message>
        <source>The point from which that sign counts as strong.</source>
        <translation>Le point à partir duquel ce signe compte comme fort.</translation>
    </message>
    <message>
        <source>How many difficult emotions, ticked together, point to a rupture even without other signs.</source>
        <translation>Combien d’émotions difficiles, cochées ensemble, indiquent une rupture même sans autre signe.</translation>
    </message>
    <message>
        <source>After a disagreement was voiced, agreement at or above this counts as repaired.</source>
        <translation>Après un désaccord exprimé, un accord à ce niveau ou au-dessus compte comme une réparation.</translation>
    </message>
    <message>
        <source>The same answer to this many questions in a row suggests checking the answers with the person.</source>
        <translation>La même réponse à autant de questions de suite invite à vérifier les réponses avec la personne.</translation>
    </message>
    <message>
        <source>A question asked the other way round that differs this much from its neighbours is marked as contradictory.</source>
        <translation>Une question posée à l’envers qui s’écarte autant de ses voisines est marquée contradictoire.</translation>
    </message>
    <message>
        <source>Answers given faster than this, on average, are marked as possibly hasty.</source>
        <translation>Des réponses données plus vite que cela, en moyenne, sont marquées peut-être hâtives.</translation>
    </message>
    <message>
        <source>How close a guess of the other&apos;s answer must be to count as accurate.</source>
        <translation>À quel point l’estimation de la réponse de l’autre doit être proche pour compter comme juste.</translation>
    </message>
    <message>
        <source>How many stages of change apart the two views may be before they are flagged.</source>
        <translation>De combien de stades de changement les deux avis peuvent différer avant d’être signalés.</translation>
    </message>
    <message>
        <source>How large a fall between visits counts as a drop. Larger: fewer episodes.</source>
        <translation>Quelle baisse entre deux visites compte comme une chute. Plus grand&#xa0;: moins d’épisodes.</translation>
    </message>
    <message>
        <source>How many visits a score has to come back before the episode is called unresolved.</source>
        <translation>En combien de visites un score doit remonter avant que l’épisode soit dit non résolu.</translation>
    </message>
    <message>
        <source>How close to its former level a score must come back to count as recovered.</source>
        <translation>À quel point un score doit revenir près de son niveau d’avant pour compter comme rétabli.</translation>
    </message>
    <message>
        <source>On brief forms, the fall that raises a drop alert, in points of the 0 to 40 SRS scale: 1 is a tenth of a point on the 1 to 5 answers.</source>
        <translation>Sur les questionnaires brefs, la baisse qui déclenche une alerte, en points de l’échelle SRS de 0 à 40&#xa0;: 1 vaut un dixième de point sur les réponses de 1 à 5.</translation>
    </message>
    <message>
        <source>How fast the gap between the two views must change, per visit, to say they converge or drift apart.</source>
        <translation>À quelle vitesse l’écart entre les deux avis doit changer, par visite, pour dire qu’ils se rapprochent ou s’éloignent.</translation>
    </message>
    <message>
        <source>How many visits are needed before saying anything about convergence.</source>
        <translation>Combien de visites il faut avant de dire quoi que ce soit du rapprochement.</translation>
    </message>
    <message>
        <source>{name} (default: {value}):</source>
        <translation>{name} (par défaut&#xa0;: {value})&#xa0;:</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock the clinic</source>
        <translation>Déverrouiller le cabinet</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base de données&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Clinic passphrase</source>
        <translation>Phrase secrète de la clinique</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Restaurer la dernière sauvegarde</translation>
    </message>
    <message>
        <source>This is the demo clinic, with invented people only. Its passphrase is published: {passphrase}. Then sign in as {logins} (a physician, a second physician, reception, administration), password {password}.</source>
        <translation>Ceci est le cabinet de démonstration, avec des personnes inventées uniquement. Sa phrase secrète est publique : {passphrase}. Connectez-vous ensuite en tant que {logins} (un médecin, un second médecin, l’accueil, l’administration), mot de passe {password}.</translation>
    </message>
    <message>
        <source>This passphrase does not open the clinic database. Check capital letters and spaces, then try again.</source>
        <translation>Cette phrase secrète n’ouvre pas la base du cabinet. Vérifiez les majuscules et les espaces, puis réessayez.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a Dyade database. You can restore the latest backup, or ask the person who looks after the clinic&apos;s laptops.</source>
        <translation>Le fichier {path} est endommagé ou n’est pas une base Dyade. Vous pouvez restaurer la dernière sauvegarde, ou prévenir la personne qui s’occupe des ordinateurs du cabinet.</translation>
    </message>
    <message>
        <source>The file {path} is damaged or is not a Dyade database, and no backup next to it opens with this passphrase and passes its checks.</source>
        <translation>Le fichier {path} est endommagé ou n’est pas une base Dyade, et aucune sauvegarde à côté ne s’ouvre avec cette phrase secrète ni ne passe ses vérifications.</translation>
    </message>
    <message>
        <source>This clinic is already open in another Dyade window on this computer. Close the other Dyade window, then try again.</source>
        <translation>Ce cabinet est déjà ouvert dans une autre fenêtre Dyade sur cet ordinateur. Fermez l’autre fenêtre Dyade, puis réessayez.</translation>
    </message>
    <message>
        <source>Type the clinic passphrase first.</source>
        <translation>Saisissez d’abord la phrase secrète du cabinet.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Replace the damaged file with the backup {name}? The damaged file is kept.</source>
        <translation>Remplacer le fichier endommagé par la sauvegarde {name}&#xa0;? Le fichier endommagé est conservé.</translation>
    </message>
</context>
<context>
    <name>VisitCodeDialog</name>
    <message>
        <source>Visit created</source>
        <translation>Visite créée</translation>
    </message>
    <message>
        <source>The visit of patient {code} is ready. Its code for the kiosk:</source>
        <translation>La visite du patient {code} est prête. Son code pour la borne&#xa0;:</translation>
    </message>
    <message>
        <source>Give this code to the patient, or open the kiosk on this laptop now and hand it over: the questionnaire starts at once.</source>
        <translation>Donnez ce code au patient, ou ouvrez la borne sur cet ordinateur et confiez-le-lui&#xa0;: le questionnaire commence aussitôt.</translation>
    </message>
    <message>
        <source>Hand to patient (open the kiosk)</source>
        <translation>Confier au patient (ouvrir la borne)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>VisitDateDialog</name>
    <message>
        <source>Change the visit&apos;s date</source>
        <translation>Changer la date de la visite</translation>
    </message>
    <message>
        <source>The visit of patient {code} planned for {date}: choose the day the patient will come. Its kiosk code and any answers already given stay.</source>
        <translation>La visite du patient {code} prévue le {date}&#xa0;: choisissez le jour où le patient viendra. Son code pour la borne et les réponses déjà données restent.</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Nouvelle date</translation>
    </message>
</context>
<context>
    <name>VisitReview</name>
    <message>
        <source>Question (patient&apos;s wording)</source>
        <translation>Question (formulation côté patient)</translation>
    </message>
    <message>
        <source>Patient&apos;s answer</source>
        <translation>Réponse du patient</translation>
    </message>
    <message>
        <source>Physician&apos;s answer</source>
        <translation>Réponse du médecin</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Scores of both sides</source>
        <translation>Scores des deux côtés</translation>
    </message>
    <message>
        <source>What the comparison found</source>
        <translation>Ce que la comparaison a relevé</translation>
    </message>
    <message>
        <source>Each finding: the answers behind it, ways to repair</source>
        <translation>Chaque constat : les réponses en cause, des pistes de réparation</translation>
    </message>
    <message>
        <source>No visit with both questionnaires complete yet.</source>
        <translation>Aucune visite dont les deux questionnaires sont complets pour l’instant.</translation>
    </message>
    <message>
        <source>General alliance (bond)</source>
        <translation>Alliance générale (lien)</translation>
    </message>
    <message>
        <source>Specific to the care (goals, means, understanding, know-how)</source>
        <translation>Spécifique aux soins (objectifs, moyens, compréhension, savoir-faire)</translation>
    </message>
    <message>
        <source>Scores of both sides, by subscale</source>
        <translation>Scores des deux côtés, par sous-échelle</translation>
    </message>
    <message>
        <source>Mean answers from 1 (low) to 5 (high).</source>
        <translation>Moyenne des réponses, de 1 (faible) à 5 (fort).</translation>
    </message>
    <message>
        <source>not scorable</source>
        <translation>non calculable</translation>
    </message>
    <message>
        <source>{subscale}: patient {patient}, physician {physician}</source>
        <translation>{subscale}&#xa0;: patient {patient}, médecin {physician}</translation>
    </message>
    <message>
        <source>the patient&apos;s estimate of the physician: {value}</source>
        <translation>estimation du médecin par le patient&#xa0;: {value}</translation>
    </message>
    <message>
        <source>the physician&apos;s estimate of the patient: {value}</source>
        <translation>estimation du patient par le médecin&#xa0;: {value}</translation>
    </message>
    <message>
        <source>patient&apos;s answers</source>
        <translation>réponses du patient</translation>
    </message>
    <message>
        <source>physician&apos;s answers</source>
        <translation>réponses du médecin</translation>
    </message>
    <message>
        <source>The answers behind it</source>
        <translation>Les réponses en cause</translation>
    </message>
    <message>
        <source>Ways to repair</source>
        <translation>Pistes de réparation</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>Médecin</translation>
    </message>
    <message>
        <source>{subscale}: {score}</source>
        <translation>{subscale}&#xa0;: {score}</translation>
    </message>
    <message>
        <source>each one&apos;s estimate of the other</source>
        <translation>l’estimation de chacun sur l’autre</translation>
    </message>
    <message>
        <source>Item by item (largest gaps first; two points or more apart: highlighted)</source>
        <translation>Question par question (les plus grands écarts d’abord&#xa0;; deux points d’écart ou plus&#xa0;: surlignés)</translation>
    </message>
    <message>
        <source>Each question, both answers and their gap</source>
        <translation>Chaque question, les deux réponses et leur écart</translation>
    </message>
    <message>
        <source>severity: {level}</source>
        <translation>intensité&#xa0;: {level}</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Question and answer</source>
        <translation>Question et réponse</translation>
    </message>
    <message>
        <source>The other side</source>
        <translation>L’autre côté</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>What just happened</source>
        <translation>Ce qui vient de se passer</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Patients and visits</source>
        <translation>Patients et visites</translation>
    </message>
    <message>
        <source>To fill in</source>
        <translation>À remplir</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Comptes du personnel</translation>
    </message>
</context>
</TS>
