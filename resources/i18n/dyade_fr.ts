<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
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
        <translation>Un problème a empêché Dyade de terminer cette action. Les réponses déjà enregistrées sont en sécurité. Les détails se trouvent dans le fichier journal : {path}</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Dyade, version {version}</source>
        <translation>Dyade, version {version}</translation>
    </message>
</context>
</TS>