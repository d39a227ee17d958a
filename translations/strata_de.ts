<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Tr</name>
    <message>
        <source>strata: unknown command %1</source>
        <translation>strata: unbekannter Befehl %1</translation>
    </message>
    <message>
        <source>Read the connection from a drizzle project folder.</source>
        <translation>Die Verbindung aus einem drizzle-Projektordner lesen.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Connection URL or keyword/value string (default: the PG* variables).</source>
        <translation>Verbindungs-URL oder Schlüsselwort/Wert-Zeichenfolge (Standard: die PG*-Variablen).</translation>
    </message>
    <message>
        <source>Connected to %1 as %2: PostgreSQL %3</source>
        <translation>Verbunden mit %1 als %2: PostgreSQL %3</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Verbindung mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>invalid percent-encoded token &quot;%1&quot;: &quot;%&quot; must be followed by two hexadecimal digits</source>
        <translation>ungültiges prozentkodiertes Token „%1“: auf „%“ müssen zwei Hexadezimalziffern folgen</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>forbidden value %00 in percent-encoded value</source>
        <translation>unzulässiger Wert %00 in prozentkodiertem Wert</translation>
    </message>
    <message>
        <source>percent-encoded bytes are not valid UTF-8</source>
        <translation>prozentkodierte Bytes sind kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>invalid %1 value &quot;%2&quot;; use %3</source>
        <translation>ungültiger %1-Wert „%2“; verwenden Sie %3</translation>
    </message>
    <message>
        <source>invalid port number &quot;%1&quot;: a port is a number from 1 to 65535</source>
        <translation>ungültige Portnummer „%1“: ein Port ist eine Zahl von 1 bis 65535</translation>
    </message>
    <message>
        <source>invalid integer value &quot;%1&quot; for connection option &quot;%2&quot;</source>
        <translation>ungültiger ganzzahliger Wert „%1“ für die Verbindungsoption „%2“</translation>
    </message>
    <message>
        <source>could not match %1 host names to %2 hostaddr values</source>
        <translation>%1 Hostnamen konnten nicht %2 hostaddr-Werten zugeordnet werden</translation>
    </message>
    <message>
        <source>could not match %1 port numbers to %2 hosts</source>
        <translation>%1 Portnummern konnten nicht %2 Hosts zugeordnet werden</translation>
    </message>
    <message>
        <source>service file &quot;%1&quot; not found or not readable: %2</source>
        <translation>Servicedatei „%1“ nicht gefunden oder nicht lesbar: %2</translation>
    </message>
    <message>
        <source>line %1 too long in service file</source>
        <translation>Zeile %1 in der Servicedatei ist zu lang</translation>
    </message>
    <message>
        <source>LDAP service lookups are not supported; connect with service=%1 to let libpq resolve it</source>
        <translation>LDAP-Service-Abfragen werden nicht unterstützt; verbinden Sie sich mit service=%1, damit libpq den Service auflöst</translation>
    </message>
    <message>
        <source>syntax error in service file: expected keyword=value</source>
        <translation>Syntaxfehler in der Servicedatei: Schlüsselwort=Wert erwartet</translation>
    </message>
    <message>
        <source>nested service specifications are not supported in service files</source>
        <translation>verschachtelte Service-Angaben werden in Servicedateien nicht unterstützt</translation>
    </message>
    <message>
        <source>syntax error in service file: no spaces are allowed around &quot;=&quot; (&quot;%1&quot;)</source>
        <translation>Syntaxfehler in der Servicedatei: um „=“ sind keine Leerzeichen erlaubt („%1“)</translation>
    </message>
    <message>
        <source>syntax error in service file: unknown keyword &quot;%1&quot;</source>
        <translation>Syntaxfehler in der Servicedatei: unbekanntes Schlüsselwort „%1“</translation>
    </message>
    <message>
        <source>blanks before the URL are not part of a PostgreSQL URL</source>
        <translation>Leerzeichen vor der URL gehören nicht zu einer PostgreSQL-URL</translation>
    </message>
    <message>
        <source>a JDBC URL is not a libpq URL; remove the &quot;jdbc:&quot; prefix</source>
        <translation>eine JDBC-URL ist keine libpq-URL; entfernen Sie das Präfix „jdbc:“</translation>
    </message>
    <message>
        <source>the URL scheme must be written in lower case (postgresql:// or postgres://)</source>
        <translation>das URL-Schema muss kleingeschrieben werden (postgresql:// oder postgres://)</translation>
    </message>
    <message>
        <source>unsupported URL scheme &quot;%1&quot;; a PostgreSQL URL starts with postgresql:// or postgres://</source>
        <translation>nicht unterstütztes URL-Schema „%1“; eine PostgreSQL-URL beginnt mit postgresql:// oder postgres://</translation>
    </message>
    <message>
        <source>a PostgreSQL URL starts with postgresql:// or postgres://</source>
        <translation>eine PostgreSQL-URL beginnt mit postgresql:// oder postgres://</translation>
    </message>
    <message>
        <source>end of URL reached when looking for the &quot;]&quot; that closes this IPv6 host address</source>
        <translation>Ende der URL erreicht bei der Suche nach dem „]“, das diese IPv6-Hostadresse abschließt</translation>
    </message>
    <message>
        <source>IPv6 host address may not be empty</source>
        <translation>die IPv6-Hostadresse darf nicht leer sein</translation>
    </message>
    <message>
        <source>unexpected character &quot;%1&quot; after an IPv6 host address (expected &quot;:&quot;, &quot;/&quot;, &quot;?&quot; or &quot;,&quot;)</source>
        <translation>unerwartetes Zeichen „%1“ nach einer IPv6-Hostadresse (erwartet: „:“, „/“, „?“ oder „,“)</translation>
    </message>
    <message>
        <source>extra &quot;=&quot; in URL query parameter &quot;%1&quot;</source>
        <translation>überzähliges „=“ im URL-Abfrageparameter „%1“</translation>
    </message>
    <message>
        <source>missing &quot;=&quot; in URL query parameter &quot;%1&quot;</source>
        <translation>fehlendes „=“ im URL-Abfrageparameter „%1“</translation>
    </message>
    <message>
        <source>invalid URL query parameter &quot;%1&quot;: libpq has no such connection option</source>
        <translation>ungültiger URL-Abfrageparameter „%1“: libpq kennt keine solche Verbindungsoption</translation>
    </message>
    <message>
        <source>connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>missing &quot;=&quot; after &quot;%1&quot; in connection string</source>
        <translation>fehlendes „=“ nach „%1“ in der Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>unterminated quoted string in connection string</source>
        <translation>nicht abgeschlossene Zeichenkette in Anführungszeichen in der Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>invalid connection option &quot;%1&quot;</source>
        <translation>ungültige Verbindungsoption „%1“</translation>
    </message>
    <message>
        <source>definition of service &quot;%1&quot; not found in %2</source>
        <translation>Definition des Service „%1“ nicht gefunden in %2</translation>
    </message>
    <message>
        <source>no service name given</source>
        <translation>kein Servicename angegeben</translation>
    </message>
    <message>
        <source>definition of service &quot;%1&quot; not found (searched %2)</source>
        <translation>Definition des Service „%1“ nicht gefunden (durchsucht: %2)</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <source>Out of memory while connecting.</source>
        <translation>Nicht genügend Speicher beim Verbindungsaufbau.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>Die Verbindung zum Server wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Not connected to a server.</source>
        <translation>Nicht mit einem Server verbunden.</translation>
    </message>
    <message>
        <source>expected NAME=value; a variable name may only contain letters, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;</source>
        <translation>NAME=Wert erwartet; ein Variablenname darf nur Buchstaben, Ziffern, „_“, „.“ und „-“ enthalten</translation>
    </message>
    <message>
        <source>expected &quot;=&quot; after &quot;%1&quot; (dotenv reads &quot;NAME: value&quot; only with a blank after the colon)</source>
        <translation>„=“ nach „%1“ erwartet (dotenv liest „NAME: Wert“ nur mit einem Leerzeichen nach dem Doppelpunkt)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot appear in a variable name</source>
        <translation>„%1“ darf in einem Variablennamen nicht vorkommen</translation>
    </message>
    <message>
        <source>expected &quot;=&quot; after &quot;%1&quot;</source>
        <translation>„=“ nach „%1“ erwartet</translation>
    </message>
    <message>
        <source>the value of %1 starts with %2 but has no matching closing %2 at its end; dotenv keeps the quote characters in the value</source>
        <translation>der Wert von %1 beginnt mit %2, endet aber nicht mit einem passenden schließenden %2; dotenv behält die Anführungszeichen im Wert</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>unterminated /* comment</source>
        <translation>nicht abgeschlossener /*-Kommentar</translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral</translation>
    </message>
    <message>
        <source>unterminated template literal</source>
        <translation>nicht abgeschlossenes Template-Literal</translation>
    </message>
    <message>
        <source>an expression</source>
        <translation>ein Ausdruck</translation>
    </message>
    <message>
        <source>a function</source>
        <translation>eine Funktion</translation>
    </message>
    <message>
        <source>a variable (%1)</source>
        <translation>eine Variable (%1)</translation>
    </message>
    <message>
        <source>a template literal with ${…}</source>
        <translation>ein Template-Literal mit ${…}</translation>
    </message>
    <message>
        <source>a &quot;new&quot; expression</source>
        <translation>ein „new“-Ausdruck</translation>
    </message>
    <message>
        <source>a function call</source>
        <translation>ein Funktionsaufruf</translation>
    </message>
    <message>
        <source>a function call (%1)</source>
        <translation>ein Funktionsaufruf (%1)</translation>
    </message>
    <message>
        <source>an argument to %1 that is not an object literal</source>
        <translation>ein Argument für %1, das kein Objektliteral ist</translation>
    </message>
    <message>
        <source>a variable (%1) declared elsewhere</source>
        <translation>eine anderswo deklarierte Variable (%1)</translation>
    </message>
    <message>
        <source>the options of dotenv&apos;s config() are not an object literal; Strata reads only .env</source>
        <translation>die Optionen von config() aus dotenv sind kein Objektliteral; Strata liest nur .env</translation>
    </message>
    <message>
        <source>dotenv&apos;s config() path is not a string literal (%1); Strata reads only .env</source>
        <translation>der Pfad in config() aus dotenv ist kein Zeichenkettenliteral (%1); Strata liest nur .env</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>der Ordner existiert nicht</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>kein Ordner</translation>
    </message>
    <message>
        <source>the folder cannot be read</source>
        <translation>der Ordner kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>%1 loads %2 with dotenv, but there is no such file</source>
        <translation>%1 lädt %2 mit dotenv, aber diese Datei gibt es nicht</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>found no &quot;export default&quot; or &quot;module.exports =&quot;; the project&apos;s defaults apply</source>
        <translation>kein „export default“ oder „module.exports =“ gefunden; es gelten die Standardwerte des Projekts</translation>
    </message>
    <message>
        <source>the exported config is %1, not an object literal; Strata does not execute %2</source>
        <translation>die exportierte Konfiguration ist %1, kein Objektliteral; Strata führt %2 nicht aus</translation>
    </message>
    <message>
        <source>%1 is not a literal or process.env.NAME (found %2); Strata does not execute %3</source>
        <translation>%1 ist weder ein Literal noch process.env.NAME (gefunden: %2); Strata führt %3 nicht aus</translation>
    </message>
    <message>
        <source>%1 should be %2</source>
        <translation>%1 sollte %2 sein</translation>
    </message>
    <message>
        <source>%1 in %2 is not read; Strata does not execute %3</source>
        <translation>%1 in %2 wird nicht gelesen; Strata führt %3 nicht aus</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>the config object</source>
        <translation>dem Konfigurationsobjekt</translation>
    </message>
    <message>
        <source>dialect is &quot;%1&quot;; Strata works with PostgreSQL (&quot;postgresql&quot;) only</source>
        <translation>dialect ist „%1“; Strata arbeitet nur mit PostgreSQL („postgresql“)</translation>
    </message>
    <message>
        <source>driver &quot;%1&quot; does not connect to a PostgreSQL server that Strata can reach with libpq</source>
        <translation>driver „%1“ verbindet sich nicht mit einem PostgreSQL-Server, den Strata mit libpq erreichen kann</translation>
    </message>
    <message>
        <source>dbCredentials.connectionString is the name drizzle-kit used before 0.21; it now expects dbCredentials.url</source>
        <translation>dbCredentials.connectionString ist der Name, den drizzle-kit vor 0.21 verwendet hat; inzwischen wird dbCredentials.url erwartet</translation>
    </message>
    <message>
        <source>%1 reads process.env.%2, which is set neither in the environment nor in .env</source>
        <translation>%1 liest process.env.%2, das weder in der Umgebung noch in .env gesetzt ist</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Connect to a database once and print which server answered.</source>
        <translation>Einmal mit einer Datenbank verbinden und ausgeben, welcher Server geantwortet hat.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 names no database (DATABASE_URL or dbCredentials.url).</source>
        <translation>%1 nennt keine Datenbank (DATABASE_URL oder dbCredentials.url).</translation>
    </message>
    <message>
        <source>the journal starts with a byte order mark, which drizzle&apos;s JSON.parse refuses</source>
        <translation>das Journal beginnt mit einer Bytereihenfolgemarke (BOM), die JSON.parse von drizzle ablehnt</translation>
    </message>
    <message>
        <source>the journal is not valid JSON: %1</source>
        <translation>das Journal ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>the journal is not a JSON object</source>
        <translation>das Journal ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the journal is for dialect &quot;%1&quot;; Strata reads PostgreSQL folders only</source>
        <translation>das Journal gehört zum Dialekt „%1“; Strata liest nur PostgreSQL-Ordner</translation>
    </message>
    <message>
        <source>the journal has the header of drizzle-kit before 0.21 (dialect &quot;pg&quot;); drizzle-kit keeps it as it is, and so does Strata</source>
        <translation>das Journal hat den Kopf von drizzle-kit vor 0.21 (dialect „pg“); drizzle-kit lässt ihn unverändert, und Strata ebenso</translation>
    </message>
    <message>
        <source>the journal names no dialect (expected &quot;postgresql&quot;)</source>
        <translation>das Journal nennt keinen Dialekt („postgresql“ erwartet)</translation>
    </message>
    <message>
        <source>unknown journal dialect &quot;%1&quot; (expected &quot;postgresql&quot;)</source>
        <translation>unbekannter Journal-Dialekt „%1“ („postgresql“ erwartet)</translation>
    </message>
    <message>
        <source>the journal has no version (expected &quot;7&quot;)</source>
        <translation>das Journal hat keine Version („7“ erwartet)</translation>
    </message>
    <message>
        <source>unknown journal version &quot;%1&quot; (Strata knows 5, 6 and 7)</source>
        <translation>unbekannte Journal-Version „%1“ (Strata kennt 5, 6 und 7)</translation>
    </message>
    <message>
        <source>the journal has no &quot;entries&quot; array; drizzle&apos;s migrator cannot read it</source>
        <translation>das Journal hat kein Array „entries“; der Migrator von drizzle kann es nicht lesen</translation>
    </message>
    <message>
        <source>journal entry %1 is not an object</source>
        <translation>der Journal-Eintrag %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>journal entry %1 has no tag: drizzle&apos;s migrator would look for a file named &quot;undefined.sql&quot;</source>
        <translation>der Journal-Eintrag %1 hat kein tag: der Migrator von drizzle würde nach einer Datei namens „undefined.sql“ suchen</translation>
    </message>
    <message>
        <source>journal entry %1 has no whole-number idx: drizzle-kit generate numbers the next migration from it</source>
        <translation>der Journal-Eintrag %1 hat keinen ganzzahligen idx: drizzle-kit generate nummeriert die nächste Migration danach</translation>
    </message>
    <message>
        <source>journal entry %1 has no numeric &quot;when&quot;: drizzle&apos;s migrator compares and stores it as created_at</source>
        <translation>der Journal-Eintrag %1 hat kein numerisches „when“: der Migrator von drizzle vergleicht es und speichert es als created_at</translation>
    </message>
    <message>
        <source>this is not a folder</source>
        <translation>dies ist kein Ordner</translation>
    </message>
    <message>
        <source>there is no such folder</source>
        <translation>diesen Ordner gibt es nicht</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) in drizzle-kit 1.0&apos;s layout next to meta/_journal.json: drizzle 0.x ignores them, and drizzle 1.0&apos;s migrator refuses a folder that still has a journal</source>
        <translation>
            <numerusform>%n Ordner im Layout von drizzle-kit 1.0 neben meta/_journal.json: drizzle 0.x ignoriert ihn, und der Migrator von drizzle 1.0 verweigert einen Ordner, der noch ein Journal hat</numerusform>
            <numerusform>%n Ordner im Layout von drizzle-kit 1.0 neben meta/_journal.json: drizzle 0.x ignoriert sie, und der Migrator von drizzle 1.0 verweigert einen Ordner, der noch ein Journal hat</numerusform>
        </translation>
    </message>
    <message>
        <source>drizzle 1.0 applies only &lt;folder&gt;/migration.sql files: this file is never applied</source>
        <translation>drizzle 1.0 wendet nur Dateien &lt;Ordner&gt;/migration.sql an: diese Datei wird nie angewendet</translation>
    </message>
    <message>
        <source>there is no journal: drizzle&apos;s migrator stops with &quot;Can&apos;t find meta/_journal.json file&quot;, and no .sql file here is ever applied</source>
        <translation>es gibt kein Journal: der Migrator von drizzle bricht mit „Can&apos;t find meta/_journal.json file“ ab, und keine .sql-Datei hier wird je angewendet</translation>
    </message>
    <message>
        <source>cannot read the journal: %1</source>
        <translation>das Journal kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 is in the journal twice (also on line %2): drizzle&apos;s migrator runs its file twice</source>
        <translation>%1 steht zweimal im Journal (auch in Zeile %2): der Migrator von drizzle führt seine Datei zweimal aus</translation>
    </message>
    <message>
        <source>idx %1 of %2 is also the idx of %3: drizzle-kit numbers new migrations from the last idx, and index-prefixed names can collide</source>
        <translation>idx %1 von %2 ist auch der idx von %3: drizzle-kit nummeriert neue Migrationen ab dem letzten idx, und Namen mit Indexpräfix können kollidieren</translation>
    </message>
    <message>
        <source>%1 (when %2) follows %3 (when %4) in the journal, but its timestamp is not greater: on a database where %3 is applied, drizzle&apos;s migrator skips %1, silently and for good (it applies only entries newer than the newest applied one)</source>
        <translation>%1 (when %2) folgt im Journal auf %3 (when %4), aber sein Zeitstempel ist nicht größer: auf einer Datenbank, auf der %3 angewendet ist, überspringt der Migrator von drizzle %1 stillschweigend und endgültig (er wendet nur Einträge an, die neuer sind als der neueste angewendete)</translation>
    </message>
    <message>
        <source>journal entry %1 has no file %2: drizzle&apos;s migrator stops with &quot;No file … found&quot; before applying anything</source>
        <translation>der Journal-Eintrag %1 hat keine Datei %2: der Migrator von drizzle bricht mit „No file … found“ ab, bevor er irgendetwas anwendet</translation>
    </message>
    <message>
        <source>no journal entry names this file: drizzle never applies it</source>
        <translation>kein Journal-Eintrag nennt diese Datei: drizzle wendet sie nie an</translation>
    </message>
    <message>
        <source>this folder has a snapshot but no migration.sql: drizzle&apos;s migrator ignores it</source>
        <translation>dieser Ordner hat einen Snapshot, aber keine migration.sql: der Migrator von drizzle ignoriert ihn</translation>
    </message>
    <message>
        <source>the folder name %1 does not start with a YYYYMMDDHHMMSS timestamp: drizzle stores created_at NaN for it</source>
        <translation>der Ordnername %1 beginnt nicht mit einem Zeitstempel YYYYMMDDHHMMSS: drizzle speichert dafür created_at NaN</translation>
    </message>
    <message numerus="yes">
        <source>the file is not valid UTF-8 (%n bad sequence(s)): drizzle reads it with U+FFFD in their place, and hashes and sends that text, not these bytes</source>
        <translation>
            <numerusform>die Datei ist kein gültiges UTF-8 (%n ungültige Sequenz): drizzle liest sie mit U+FFFD an deren Stelle und hasht und sendet diesen Text, nicht diese Bytes</numerusform>
            <numerusform>die Datei ist kein gültiges UTF-8 (%n ungültige Sequenzen): drizzle liest sie mit U+FFFD an deren Stelle und hasht und sendet diesen Text, nicht diese Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>the file starts with a UTF-8 byte order mark: drizzle keeps it in the hash and sends it to PostgreSQL in front of the first statement</source>
        <translation>die Datei beginnt mit einer UTF-8-Bytereihenfolgemarke (BOM): drizzle behält sie im Hash und sendet sie vor der ersten Anweisung an PostgreSQL</translation>
    </message>
    <message>
        <source>the file has CRLF line endings: drizzle hashes the bytes as they are, so its hash differs from the same file with LF endings (a checkout that converts line endings makes an applied migration look changed)</source>
        <translation>die Datei hat CRLF-Zeilenenden: drizzle hasht die Bytes unverändert, daher unterscheidet sich ihr Hash von dem derselben Datei mit LF-Zeilenenden (ein Checkout, der Zeilenenden umwandelt, lässt eine angewendete Migration geändert erscheinen)</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s parser rejects this: %1 (drizzle sends it anyway, and the migration fails there)</source>
        <translation>der Parser von PostgreSQL lehnt dies ab: %1 (drizzle sendet es trotzdem, und die Migration schlägt dort fehl)</translation>
    </message>
    <message>
        <source>with prefix mode &quot;none&quot; drizzle-kit overwrites meta/_snapshot.json on every generate: only the newest migration has a snapshot</source>
        <translation>mit dem Präfixmodus „none“ überschreibt drizzle-kit bei jedem generate meta/_snapshot.json: nur die neueste Migration hat einen Snapshot</translation>
    </message>
    <message>
        <source>%1 has no snapshot %2: the schema after it is unknown to drizzle-kit generate and to Strata&apos;s diff</source>
        <translation>%1 hat keinen Snapshot %2: das Schema danach ist drizzle-kit generate und dem Diff von Strata unbekannt</translation>
    </message>
    <message>
        <source>the snapshot is %1</source>
        <translation>der Snapshot ist %1</translation>
    </message>
    <message>
        <source>no snapshot of this folder has that id</source>
        <translation>kein Snapshot dieses Ordners hat diese ID</translation>
    </message>
    <message>
        <source>that is the id of %1</source>
        <translation>das ist die ID von %1</translation>
    </message>
    <message>
        <source>the snapshot chain breaks here: its %1 %2 is not the id of the previous migration&apos;s snapshot %3 (%4); %5</source>
        <translation>die Snapshot-Kette reißt hier ab: sein %1 %2 ist nicht die ID des Snapshots %3 der vorherigen Migration (%4); %5</translation>
    </message>
    <message>
        <source>no journal entry owns this snapshot (drizzle-kit generate still reads it when it is the last file by name)</source>
        <translation>kein Journal-Eintrag gehört zu diesem Snapshot (drizzle-kit generate liest ihn trotzdem, wenn er dem Namen nach die letzte Datei ist)</translation>
    </message>
    <message>
        <source>%1 have the same parent snapshot %2: two branches were merged, so check that their migrations do not depend on each other&apos;s order</source>
        <translation>%1 haben denselben übergeordneten Snapshot %2: zwei Branches wurden zusammengeführt; prüfen Sie daher, dass ihre Migrationen nicht von ihrer gegenseitigen Reihenfolge abhängen</translation>
    </message>
    <message>
        <source>%1 have the same parent snapshot %2: drizzle-kit check calls this a collision, and generate refuses to run until one of them is fixed</source>
        <translation>%1 haben denselben übergeordneten Snapshot %2: drizzle-kit check nennt dies eine Kollision, und generate verweigert die Ausführung, bis einer davon korrigiert ist</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Anmerkung</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>a migration name cannot contain &quot;/&quot;, &quot;\&quot; or control characters: %1</source>
        <translation>ein Migrationsname darf weder „/“, „\“ noch Steuerzeichen enthalten: %1</translation>
    </message>
    <message>
        <source>%1 already exists</source>
        <translation>%1 existiert bereits</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the journal cannot be read, so it cannot be extended: %1</source>
        <translation>das Journal kann nicht gelesen und daher nicht erweitert werden: %1</translation>
    </message>
    <message>
        <source>%1 is missing: a new journal would drop the migrations already here</source>
        <translation>%1 fehlt: ein neues Journal würde die bereits vorhandenen Migrationen verwerfen</translation>
    </message>
    <message>
        <source>the last journal entry has no idx to count on from</source>
        <translation>der letzte Journal-Eintrag hat keinen idx, von dem aus weitergezählt werden kann</translation>
    </message>
    <message>
        <source>the journal already has a migration %1</source>
        <translation>das Journal enthält bereits eine Migration %1</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>the text contains a NUL character, which PostgreSQL refuses</source>
        <translation>der Text enthält ein NUL-Zeichen, das PostgreSQL ablehnt</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenfolge</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>Expected %1, found %2.</source>
        <translation>Erwartet wurde %1, gefunden wurde %2.</translation>
    </message>
    <message>
        <source>nested more than %1 levels deep</source>
        <translation>mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>Unsupported snapshot version &quot;%1&quot;: Strata reads versions 5, 6 and 7 (drizzle-kit 0.x) and 8 (drizzle-kit 1.0).</source>
        <translation>Nicht unterstützte Snapshot-Version „%1“: Strata liest die Versionen 5, 6 und 7 (drizzle-kit 0.x) sowie 8 (drizzle-kit 1.0).</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>Kein gültiges JSON: %1.</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; (drizzle-kit rejects it too).</source>
        <translation>Unbekannter Schlüssel „%1“ (drizzle-kit lehnt ihn ebenfalls ab).</translation>
    </message>
    <message>
        <source>The required key &quot;%1&quot; is missing.</source>
        <translation>Der erforderliche Schlüssel „%1“ fehlt.</translation>
    </message>
    <message>
        <source>a string or null</source>
        <translation>eine Zeichenfolge oder null</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Zeichenfolgen</translation>
    </message>
    <message>
        <source>a whole number as a string</source>
        <translation>eine ganze Zahl als Zeichenfolge</translation>
    </message>
    <message>
        <source>Expected a whole number as a string, found &quot;%1&quot;.</source>
        <translation>Erwartet wurde eine ganze Zahl als Zeichenfolge, gefunden wurde „%1“.</translation>
    </message>
    <message>
        <source>Unknown value &quot;%1&quot;; expected one of: %2.</source>
        <translation>Unbekannter Wert „%1“; erwartet wird einer von: %2.</translation>
    </message>
    <message>
        <source>Dialect &quot;%1&quot;: a PostgreSQL snapshot of version %2 says &quot;%3&quot;; Strata reads PostgreSQL snapshots only.</source>
        <translation>Dialekt „%1“: Ein PostgreSQL-Snapshot der Version %2 gibt „%3“ an; Strata liest nur PostgreSQL-Snapshots.</translation>
    </message>
    <message>
        <source>Expected a quoted table name like &quot;public&quot;.&quot;users&quot;, found %1.</source>
        <translation>Erwartet wurde ein Tabellenname in Anführungszeichen wie &quot;public&quot;.&quot;users&quot;, gefunden wurde %1.</translation>
    </message>
    <message>
        <source>A second primary key: a table has at most one.</source>
        <translation>Ein zweiter Primärschlüssel: Eine Tabelle hat höchstens einen.</translation>
    </message>
    <message>
        <source>A view that is not .existing() needs its definition.</source>
        <translation>Eine Sicht, die nicht .existing() ist, benötigt ihre Definition.</translation>
    </message>
    <message>
        <source>Dialect &quot;%1&quot;: Strata reads PostgreSQL snapshots only.</source>
        <translation>Dialekt „%1“: Strata liest nur PostgreSQL-Snapshots.</translation>
    </message>
    <message>
        <source>Unknown entity type &quot;%1&quot;.</source>
        <translation>Unbekannter Entitätstyp „%1“.</translation>
    </message>
    <message>
        <source>The table &quot;%1&quot;.&quot;%2&quot; is not in the snapshot.</source>
        <translation>Die Tabelle „%1“.„%2“ ist nicht im Snapshot enthalten.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>Print a drizzle-kit version 7 snapshot of a live database.</source>
        <translation>Einen drizzle-kit-Snapshot der Version 7 einer laufenden Datenbank ausgeben.</translation>
    </message>
    <message>
        <source>conninfo</source>
        <translation>conninfo</translation>
    </message>
    <message>
        <source>Only these schemas, separated by commas (default: all but system schemas).</source>
        <translation>Nur diese Schemas, durch Kommas getrennt (Standard: alle außer den Systemschemas).</translation>
    </message>
    <message>
        <source>names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <source>strata snapshot: unexpected argument %1</source>
        <translation>strata snapshot: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>the default database</source>
        <translation>die Standarddatenbank</translation>
    </message>
    <message>
        <source>Could not read the schema of %1: %2</source>
        <translation>Das Schema von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Find what is dangerous in migration SQL: data loss, locks, table rewrites, statements that cannot run in a transaction.</source>
        <translation>Gefährliches in Migrations-SQL finden: Datenverlust, Sperren, Neuschreiben von Tabellen, Anweisungen, die nicht in einer Transaktion laufen können.</translation>
    </message>
    <message>
        <source>Print the findings as a JSON document.</source>
        <translation>Die Befunde als JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>A .sql file or a drizzle migrations folder.</source>
        <translation>Eine .sql-Datei oder ein drizzle-Migrationsordner.</translation>
    </message>
    <message>
        <source>Try &apos;strata lint --help&apos;.</source>
        <translation>Versuchen Sie „strata lint --help“.</translation>
    </message>
    <message>
        <source>strata lint: give one .sql file or migrations folder</source>
        <translation>strata lint: geben Sie eine .sql-Datei oder einen Migrationsordner an</translation>
    </message>
    <message>
        <source>strata lint: %1 holds no drizzle migrations</source>
        <translation>strata lint: %1 enthält keine drizzle-Migrationen</translation>
    </message>
    <message>
        <source>strata lint: cannot read %1: %2</source>
        <translation>strata lint: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s): </source>
        <translation>
            <numerusform>%n Datei: </numerusform>
            <numerusform>%n Dateien: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation>
            <numerusform>%n Info</numerusform>
            <numerusform>%n Infos</numerusform>
        </translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Adds NOT NULL column %1 to %2 without a default: PostgreSQL refuses it if %2 has any row (%3).</source>
        <translation>Fügt die Spalte %1 als NOT NULL ohne Standardwert zu %2 hinzu: PostgreSQL lehnt das ab, wenn %2 auch nur eine Zeile enthält (%3).</translation>
    </message>
    <message>
        <source>Give it a constant DEFAULT (no rewrite since PostgreSQL 11), or add it nullable, backfill it, then SET NOT NULL.</source>
        <translation>Geben Sie ihr einen konstanten DEFAULT (seit PostgreSQL 11 ohne Neuschreiben), oder fügen Sie sie zunächst ohne NOT NULL hinzu, befüllen Sie sie nachträglich und führen Sie dann SET NOT NULL aus.</translation>
    </message>
    <message>
        <source>Adds column %1 to %2 with a value computed per row (%3): PostgreSQL rewrites the whole table under an ACCESS EXCLUSIVE lock (%4).</source>
        <translation>Fügt die Spalte %1 mit einem pro Zeile berechneten Wert (%3) zu %2 hinzu: PostgreSQL schreibt die ganze Tabelle unter einer Sperre vom Typ ACCESS EXCLUSIVE neu (%4).</translation>
    </message>
    <message>
        <source>Add the column without that default, set the default for new rows, and backfill existing rows in batches.</source>
        <translation>Fügen Sie die Spalte ohne diesen Standardwert hinzu, setzen Sie den Standardwert danach für neue Zeilen und befüllen Sie die vorhandenen Zeilen nachträglich in Stapeln.</translation>
    </message>
    <message>
        <source>Adds column %1 with a unique index, which blocks every write to %2 while it builds (%3).</source>
        <translation>Fügt die Spalte %1 mit einem eindeutigen Index hinzu, der während seines Aufbaus jeden Schreibzugriff auf %2 blockiert (%3).</translation>
    </message>
    <message>
        <source>Add the column, CREATE UNIQUE INDEX CONCURRENTLY on it, then ADD CONSTRAINT … USING INDEX.</source>
        <translation>Fügen Sie die Spalte hinzu, führen Sie darauf CREATE UNIQUE INDEX CONCURRENTLY aus und dann ADD CONSTRAINT … USING INDEX.</translation>
    </message>
    <message>
        <source>Drops column %1 of %2 and its data (%3).</source>
        <translation>Löscht die Spalte %1 aus %2 samt ihren Daten (%3).</translation>
    </message>
    <message>
        <source>Stop using the column in the application and deploy that first; keep a copy of the data if it may be needed; then drop it.</source>
        <translation>Verwenden Sie die Spalte in der Anwendung nicht mehr und rollen Sie das zuerst aus; bewahren Sie eine Kopie der Daten auf, falls sie noch gebraucht werden könnten; löschen Sie die Spalte erst dann.</translation>
    </message>
    <message>
        <source>CASCADE also drops whatever depends on column %1 of %2 (views, constraints, indexes) without naming it.</source>
        <translation>CASCADE löscht auch alles, was von der Spalte %1 in %2 abhängt (Sichten, Bedingungen, Indizes), ohne es beim Namen zu nennen.</translation>
    </message>
    <message>
        <source>Drop the dependent objects by name first, then drop the column without CASCADE.</source>
        <translation>Löschen Sie zuerst die abhängigen Objekte namentlich und dann die Spalte ohne CASCADE.</translation>
    </message>
    <message>
        <source>Add a column of the new type, backfill it in batches, switch the application to it, and drop the old column later.</source>
        <translation>Fügen Sie eine Spalte mit dem neuen Typ hinzu, befüllen Sie sie nachträglich in Stapeln, stellen Sie die Anwendung auf sie um und löschen Sie die alte Spalte später.</translation>
    </message>
    <message>
        <source>Changing %1 of %2 to %3 with USING rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock (%4).</source>
        <translation>Die Änderung der Spalte %1 in %2 auf %3 mit USING schreibt die ganze Tabelle und ihre Indizes unter einer Sperre vom Typ ACCESS EXCLUSIVE neu (%4).</translation>
    </message>
    <message>
        <source>Changing %1 of %2 from %3 to %4 rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock (%5).</source>
        <translation>Die Änderung der Spalte %1 in %2 von %3 auf %4 schreibt die ganze Tabelle und ihre Indizes unter einer Sperre vom Typ ACCESS EXCLUSIVE neu (%5).</translation>
    </message>
    <message>
        <source>Changing %1 of %2 to %3 rewrites the whole table under an ACCESS EXCLUSIVE lock unless the old type converts in place, like varchar(n) to text (%4).</source>
        <translation>Die Änderung der Spalte %1 in %2 auf %3 schreibt die ganze Tabelle unter einer Sperre vom Typ ACCESS EXCLUSIVE neu, es sei denn, der alte Typ lässt sich ohne Neuschreiben umwandeln, wie varchar(n) in text (%4).</translation>
    </message>
    <message>
        <source>SET NOT NULL reads all of %1 to check %2, holding an ACCESS EXCLUSIVE lock that blocks reads and writes (%3).</source>
        <translation>SET NOT NULL liest die gesamte Tabelle %1, um %2 zu prüfen, und hält dabei eine Sperre vom Typ ACCESS EXCLUSIVE, die Lese- und Schreibzugriffe blockiert (%3).</translation>
    </message>
    <message>
        <source>First ADD CONSTRAINT … CHECK (%1 IS NOT NULL) NOT VALID and VALIDATE CONSTRAINT it; SET NOT NULL then skips the scan (PostgreSQL 12+).</source>
        <translation>Führen Sie zuerst ADD CONSTRAINT … CHECK (%1 IS NOT NULL) NOT VALID und dafür VALIDATE CONSTRAINT aus; SET NOT NULL überspringt dann den Tabellenscan (PostgreSQL 12+).</translation>
    </message>
    <message>
        <source>Add it NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a separate statement, which does not block writes.</source>
        <translation>Fügen Sie die Bedingung mit NOT VALID hinzu (neue Zeilen werden sofort geprüft) und führen Sie dann VALIDATE CONSTRAINT in einer eigenen Anweisung aus, die keine Schreibzugriffe blockiert.</translation>
    </message>
    <message>
        <source>Adding check %1 reads every row of %2 under an ACCESS EXCLUSIVE lock that blocks reads and writes (%3).</source>
        <translation>Das Hinzufügen der Prüfbedingung %1 liest jede Zeile von %2 unter einer Sperre vom Typ ACCESS EXCLUSIVE, die Lese- und Schreibzugriffe blockiert (%3).</translation>
    </message>
    <message>
        <source>Adding foreign key %1 checks every row of %2 at once, blocking writes to %2 and %3 meanwhile (%4).</source>
        <translation>Das Hinzufügen des Fremdschlüssels %1 prüft sofort jede Zeile von %2 und blockiert währenddessen Schreibzugriffe auf %2 und %3 (%4).</translation>
    </message>
    <message>
        <source>Adding %1 builds its index while blocking every write to %2 (%3).</source>
        <translation>Das Hinzufügen von %1 baut den zugehörigen Index auf und blockiert dabei jeden Schreibzugriff auf %2 (%3).</translation>
    </message>
    <message>
        <source>CREATE UNIQUE INDEX CONCURRENTLY first (in a migration of its own), then ADD CONSTRAINT … USING INDEX.</source>
        <translation>Zuerst CREATE UNIQUE INDEX CONCURRENTLY (in einer eigenen Migration), dann ADD CONSTRAINT … USING INDEX.</translation>
    </message>
    <message>
        <source>CASCADE also drops whatever depends on constraint %1 of %2 (foreign keys that use its index) without naming it.</source>
        <translation>CASCADE löscht auch alles, was von der Bedingung %1 in %2 abhängt (Fremdschlüssel, die ihren Index verwenden), ohne es beim Namen zu nennen.</translation>
    </message>
    <message>
        <source>Drop the dependent constraints by name first, then drop this one without CASCADE.</source>
        <translation>Löschen Sie zuerst die abhängigen Bedingungen namentlich und dann diese ohne CASCADE.</translation>
    </message>
    <message>
        <source>TRUNCATE … CASCADE deletes every row of %1 (%2) and of every table with a foreign key to it.</source>
        <translation>TRUNCATE … CASCADE löscht alle Zeilen von %1 (%2) und aller Tabellen mit einem Fremdschlüssel darauf.</translation>
    </message>
    <message>
        <source>TRUNCATE deletes every row of %1 (%2).</source>
        <translation>TRUNCATE löscht alle Zeilen von %1 (%2).</translation>
    </message>
    <message>
        <source>Delete only the rows meant (DELETE … WHERE) and keep a copy; or do it as a deliberate data task, not in a migration.</source>
        <translation>Löschen Sie nur die gewünschten Zeilen (DELETE … WHERE) und bewahren Sie eine Kopie auf; oder erledigen Sie es bewusst als eigene Datenaufgabe, nicht in einer Migration.</translation>
    </message>
    <message>
        <source>UPDATE without WHERE changes every row of %1 (%2) and keeps them all locked until the migration commits.</source>
        <translation>UPDATE ohne WHERE ändert alle Zeilen von %1 (%2) und hält sie alle bis zum COMMIT der Migration gesperrt.</translation>
    </message>
    <message>
        <source>Add a WHERE clause for the rows meant; backfill a large table in batches, outside the migration.</source>
        <translation>Fügen Sie eine WHERE-Klausel für die gewünschten Zeilen hinzu; befüllen Sie eine große Tabelle nachträglich in Stapeln, außerhalb der Migration.</translation>
    </message>
    <message>
        <source>DELETE without WHERE deletes every row of %1 (%2).</source>
        <translation>DELETE ohne WHERE löscht alle Zeilen von %1 (%2).</translation>
    </message>
    <message>
        <source>Add a WHERE clause for the rows meant; keep a copy of what is deleted.</source>
        <translation>Fügen Sie eine WHERE-Klausel für die gewünschten Zeilen hinzu; bewahren Sie eine Kopie des Gelöschten auf.</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln row(s)</source>
        <translation>
            <numerusform>etwa %Ln Zeile</numerusform>
            <numerusform>etwa %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 rows</source>
        <translation>etwa %1 Zeilen</translation>
    </message>
    <message>
        <source>Fix the syntax: the server refuses the whole query this is sent in.</source>
        <translation>Korrigieren Sie die Syntax: Der Server lehnt die ganze Abfrage ab, in der dies gesendet wird.</translation>
    </message>
    <message>
        <source>PostgreSQL cannot parse this statement: %1</source>
        <translation>PostgreSQL kann diese Anweisung nicht parsen: %1</translation>
    </message>
    <message>
        <source>PostgreSQL cannot parse this text: %1</source>
        <translation>PostgreSQL kann diesen Text nicht parsen: %1</translation>
    </message>
    <message>
        <source>libpg_query returned a parse tree that is not JSON</source>
        <translation>libpg_query hat einen Parsebaum geliefert, der kein JSON ist</translation>
    </message>
    <message>
        <source>no statement (only blanks or comments)</source>
        <translation>keine Anweisung (nur Leerzeichen oder Kommentare)</translation>
    </message>
    <message>
        <source>more than one statement</source>
        <translation>mehr als eine Anweisung</translation>
    </message>
    <message>
        <source>libpg_query returned an unexpected parse tree</source>
        <translation>libpg_query hat einen unerwarteten Parsebaum geliefert</translation>
    </message>
    <message>
        <source>Drops table %1 and every row in it (%2).</source>
        <translation>Löscht die Tabelle %1 mit allen ihren Zeilen (%2).</translation>
    </message>
    <message>
        <source>Check that nothing reads it any more and keep a copy (pg_dump -t); or rename it away now and drop it in a later release.</source>
        <translation>Prüfen Sie, dass nichts mehr aus ihr liest, und bewahren Sie eine Kopie auf (pg_dump -t); oder benennen Sie sie jetzt um und löschen Sie sie in einem späteren Release.</translation>
    </message>
    <message>
        <source>CASCADE also drops whatever depends on %1 (views, foreign keys, defaults, …) without naming it.</source>
        <translation>CASCADE löscht auch alles, was von %1 abhängt (Sichten, Fremdschlüssel, Standardwerte, …), ohne es beim Namen zu nennen.</translation>
    </message>
    <message>
        <source>Drop the dependent objects by name first, then drop without CASCADE, so that PostgreSQL refuses if anything unexpected still depends on it.</source>
        <translation>Löschen Sie zuerst die abhängigen Objekte namentlich und dann ohne CASCADE, damit PostgreSQL ablehnt, falls noch etwas Unerwartetes davon abhängt.</translation>
    </message>
    <message>
        <source>Expand and contract: deploy code that works with both names (a view under the old name can bridge), rename, and remove the bridge in a later migration.</source>
        <translation>Expand-and-Contract-Muster: Rollen Sie Code aus, der mit beiden Namen funktioniert (eine Sicht unter dem alten Namen kann überbrücken), benennen Sie um und entfernen Sie die Brücke in einer späteren Migration.</translation>
    </message>
    <message>
        <source>Renames schema %1 to %2: the running application still uses the old name and fails until it is redeployed.</source>
        <translation>Benennt das Schema %1 in %2 um: Die laufende Anwendung verwendet noch den alten Namen und schlägt fehl, bis sie neu ausgerollt wird.</translation>
    </message>
    <message>
        <source>Renames %1 to %2: the running application still uses the old name and fails until it is redeployed.</source>
        <translation>Benennt %1 in %2 um: Die laufende Anwendung verwendet noch den alten Namen und schlägt fehl, bis sie neu ausgerollt wird.</translation>
    </message>
    <message>
        <source>Renames column %1 of %2 to %3: the running application still reads and writes the old name and fails until it is redeployed.</source>
        <translation>Benennt die Spalte %1 von %2 in %3 um: Die laufende Anwendung verwendet beim Lesen und Schreiben noch den alten Namen und schlägt fehl, bis sie neu ausgerollt wird.</translation>
    </message>
    <message>
        <source>Expand and contract: add the new column, write both, backfill, switch reads, and drop the old column in a later migration.</source>
        <translation>Expand-and-Contract-Muster: Fügen Sie die neue Spalte hinzu, schreiben Sie in beide, befüllen Sie nachträglich, stellen Sie das Lesen um und löschen Sie die alte Spalte in einer späteren Migration.</translation>
    </message>
    <message>
        <source>Moves %1 to schema %2: the running application still uses the old name and fails until it is redeployed.</source>
        <translation>Verschiebt %1 in das Schema %2: Die laufende Anwendung verwendet noch den alten Namen und schlägt fehl, bis sie neu ausgerollt wird.</translation>
    </message>
    <message>
        <source>CREATE INDEX without CONCURRENTLY blocks every write to %1 while it builds (%2).</source>
        <translation>CREATE INDEX ohne CONCURRENTLY blockiert während des Indexaufbaus jeden Schreibzugriff auf %1 (%2).</translation>
    </message>
    <message>
        <source>CREATE INDEX CONCURRENTLY, in a migration of its own outside a transaction.</source>
        <translation>CREATE INDEX CONCURRENTLY, in einer eigenen Migration außerhalb einer Transaktion.</translation>
    </message>
    <message>
        <source>Uses the value %1 of enum %2, which line %3 adds in the same transaction: PostgreSQL refuses it (&quot;unsafe use of new value&quot;) until that commits.</source>
        <translation>Verwendet den Wert %1 des Enums %2, den Zeile %3 in derselben Transaktion hinzufügt: PostgreSQL lehnt ihn bis zum COMMIT ab („unsafe use of new value“).</translation>
    </message>
    <message>
        <source>Add the value in an earlier migration, or COMMIT before using it.</source>
        <translation>Fügen Sie den Wert in einer früheren Migration hinzu oder führen Sie COMMIT aus, bevor Sie ihn verwenden.</translation>
    </message>
    <message>
        <source>%1 is the value line %2 adds to enum %3 in this transaction: if this statement stores or compares it as that enum, PostgreSQL refuses it until that commits.</source>
        <translation>%1 ist der Wert, den Zeile %2 in dieser Transaktion zum Enum %3 hinzufügt: Wenn diese Anweisung ihn als dieses Enum speichert oder vergleicht, lehnt PostgreSQL ihn bis zum COMMIT ab.</translation>
    </message>
    <message>
        <source>%1 cannot run inside a transaction block, and the migration runs in one: it fails.</source>
        <translation>%1 kann nicht in einem Transaktionsblock laufen, und die Migration läuft in einem: Das schlägt fehl.</translation>
    </message>
    <message>
        <source>Put it in a migration of its own that runs outside a transaction, written so that it can run again (IF NOT EXISTS) after stopping halfway.</source>
        <translation>Verschieben Sie die Anweisung in eine eigene Migration, die außerhalb einer Transaktion läuft, und schreiben Sie sie so, dass sie nach einem Abbruch auf halbem Weg erneut laufen kann (IF NOT EXISTS).</translation>
    </message>
    <message>
        <source>%1 runs after the text&apos;s own COMMIT, outside the migration&apos;s transaction: if it or a later statement fails, what ran before it stays applied.</source>
        <translation>%1 läuft nach dem eigenen COMMIT des Textes, außerhalb der Transaktion der Migration: Wenn dies oder eine spätere Anweisung fehlschlägt, bleibt angewendet, was davor gelaufen ist.</translation>
    </message>
    <message>
        <source>Put it in a migration of its own, so that this one stays all-or-nothing.</source>
        <translation>Verschieben Sie die Anweisung in eine eigene Migration, damit diese hier ganz oder gar nicht angewendet wird.</translation>
    </message>
    <message>
        <source>Renames value %1 of enum %2 to %3: the running application still writes %1, which PostgreSQL then refuses.</source>
        <translation>Benennt den Wert %1 des Enums %2 in %3 um: Die laufende Anwendung schreibt weiterhin %1, was PostgreSQL dann ablehnt.</translation>
    </message>
    <message>
        <source>Add the new value first, switch the application to it and update the rows, then stop using the old value.</source>
        <translation>Fügen Sie zuerst den neuen Wert hinzu, stellen Sie die Anwendung darauf um und aktualisieren Sie die Zeilen; geben Sie erst danach den alten Wert auf.</translation>
    </message>
    <message>
        <source>ALTER TYPE … ADD VALUE cannot run inside a transaction block on PostgreSQL 11 and older, and the new value cannot be used before the transaction commits.</source>
        <translation>ALTER TYPE … ADD VALUE kann unter PostgreSQL 11 und älter nicht in einem Transaktionsblock laufen, und der neue Wert kann erst nach dem COMMIT der Transaktion verwendet werden.</translation>
    </message>
    <message>
        <source>On PostgreSQL 12 and later it is fine, as long as nothing in the same migration uses the new value.</source>
        <translation>Unter PostgreSQL 12 und neuer ist das unproblematisch, solange nichts in derselben Migration den neuen Wert verwendet.</translation>
    </message>
    <message>
        <source>Check a drizzle migrations folder: journal, files, hashes, snapshot chain and SQL syntax.</source>
        <translation>Einen drizzle-Migrationsordner prüfen: Journal, Dateien, Hashes, Snapshot-Kette und SQL-Syntax.</translation>
    </message>
    <message>
        <source>Check the migrations folder of this drizzle project (default: the current folder).</source>
        <translation>Den Migrationsordner dieses drizzle-Projekts prüfen (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>Check this migrations folder.</source>
        <translation>Diesen Migrationsordner prüfen.</translation>
    </message>
    <message>
        <source>Print the result as a JSON document.</source>
        <translation>Das Ergebnis als JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>Try &apos;strata check --help&apos;.</source>
        <translation>Versuchen Sie „strata check --help“.</translation>
    </message>
    <message>
        <source>strata check: unexpected argument %1</source>
        <translation>strata check: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>strata check: %1: there is no such folder</source>
        <translation>strata check: %1: diesen Ordner gibt es nicht</translation>
    </message>
    <message>
        <source>drizzle-kit 1.0 layout</source>
        <translation>Layout von drizzle-kit 1.0</translation>
    </message>
    <message>
        <source>drizzle-kit journal layout</source>
        <translation>Journal-Layout von drizzle-kit</translation>
    </message>
    <message>
        <source>%1: no migrations yet</source>
        <translation>%1: noch keine Migrationen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n migration(s), %2, no problems</source>
        <translation>
            <numerusform>%1: %n Migration, %2, keine Probleme</numerusform>
            <numerusform>%1: %n Migrationen, %2, keine Probleme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n migration(s), %2: </source>
        <translation>
            <numerusform>%1: %n Migration, %2: </numerusform>
            <numerusform>%1: %n Migrationen, %2: </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no drizzle snapshot.</source>
        <translation>%1 enthält keinen drizzle-Snapshot.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Spell what the database cannot tell apart (expressions, .notNull() on key columns, .enableRLS()) as this snapshot or migrations folder&apos;s latest snapshot does, where it still means the same.</source>
        <translation>Was die Datenbank nicht unterscheiden kann (Ausdrücke, .notNull() an Schlüsselspalten, .enableRLS()), so schreiben wie dieser Snapshot oder der neueste Snapshot dieses Migrationsordners, wo es noch dasselbe bedeutet.</translation>
    </message>
    <message>
        <source>snapshot|folder</source>
        <translation>Snapshot|Ordner</translation>
    </message>
    <message>
        <source>strata snapshot: %1</source>
        <translation>strata snapshot: %1</translation>
    </message>
    <message>
        <source>--rename %1: write kind:old=new, e.g. table:public.users=public.accounts</source>
        <translation>--rename %1: schreiben Sie Art:alt=neu, z. B. table:public.users=public.accounts</translation>
    </message>
    <message>
        <source>--rename %1: names do not fit the kind %2</source>
        <translation>--rename %1: die Namen passen nicht zur Art %2</translation>
    </message>
    <message>
        <source>--rename %1: unknown kind %2 (schema, table, column, enum, sequence, view, policy, role)</source>
        <translation>--rename %1: unbekannte Art %2 (schema, table, column, enum, sequence, view, policy, role)</translation>
    </message>
    <message>
        <source>Print the SQL that turns &lt;from&gt; into &lt;to&gt;. Each side is a drizzle snapshot file, a migrations folder (its latest snapshot) or a connection URL.</source>
        <translation>Das SQL ausgeben, das &lt;from&gt; in &lt;to&gt; überführt. Jede Seite ist eine drizzle-Snapshot-Datei, ein Migrationsordner (sein neuester Snapshot) oder eine Verbindungs-URL.</translation>
    </message>
    <message>
        <source>Print the SQL that goes back from &lt;to&gt; to &lt;from&gt;.</source>
        <translation>Das SQL ausgeben, das von &lt;to&gt; zurück zu &lt;from&gt; führt.</translation>
    </message>
    <message>
        <source>Print the statements and their hazards as JSON.</source>
        <translation>Die Anweisungen und ihre Gefahren als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Something renamed, not dropped and created: kind:old=new (kinds: schema, table, column, enum, sequence, view, policy, role). May be repeated.</source>
        <translation>Etwas wurde umbenannt, nicht gelöscht und neu angelegt: Art:alt=neu (Arten: schema, table, column, enum, sequence, view, policy, role). Mehrfach möglich.</translation>
    </message>
    <message>
        <source>kind:old=new</source>
        <translation>Art:alt=neu</translation>
    </message>
    <message>
        <source>The schema as it is.</source>
        <translation>Das Schema, wie es ist.</translation>
    </message>
    <message>
        <source>The schema as it should be.</source>
        <translation>Das Schema, wie es sein soll.</translation>
    </message>
    <message>
        <source>Try &apos;strata diff --help&apos;.</source>
        <translation>Versuchen Sie „strata diff --help“.</translation>
    </message>
    <message>
        <source>strata diff: give two schemas, &lt;from&gt; and &lt;to&gt;</source>
        <translation>strata diff: geben Sie zwei Schemas an, &lt;from&gt; und &lt;to&gt;</translation>
    </message>
    <message>
        <source>strata diff: %1</source>
        <translation>strata diff: %1</translation>
    </message>
    <message>
        <source>No schema changes.</source>
        <translation>Keine Schemaänderungen.</translation>
    </message>
    <message>
        <source>%1: there is no such file or folder</source>
        <translation>%1: diese Datei oder diesen Ordner gibt es nicht</translation>
    </message>
    <message>
        <source>%1 is neither a snapshot, a migrations folder nor a connection string: %2</source>
        <translation>%1 ist weder ein Snapshot noch ein Migrationsordner noch eine Verbindungszeichenfolge: %2</translation>
    </message>
    <message>
        <source>The statement was cancelled.</source>
        <translation>Die Anweisung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Print the SQL that undoes a migration: the down file Strata saved beside it, or else the change from its snapshot back to the one before.</source>
        <translation>Das SQL ausgeben, das eine Migration rückgängig macht: die Down-Datei, die Strata neben ihr gespeichert hat, oder andernfalls die Änderung von ihrem Snapshot zurück zum vorherigen.</translation>
    </message>
    <message>
        <source>The drizzle project whose migrations folder to read (default: the current folder).</source>
        <translation>Das drizzle-Projekt, dessen Migrationsordner gelesen werden soll (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>The migrations folder to read.</source>
        <translation>Der zu lesende Migrationsordner.</translation>
    </message>
    <message>
        <source>The migration, e.g. 0003_tiny_tony_stark (default: the last).</source>
        <translation>Die Migration, z. B. 0003_tiny_tony_stark (Standard: die letzte).</translation>
    </message>
    <message>
        <source>Try &apos;strata down --help&apos;.</source>
        <translation>Versuchen Sie „strata down --help“.</translation>
    </message>
    <message>
        <source>strata down: %1</source>
        <translation>strata down: %1</translation>
    </message>
    <message>
        <source>give one migration</source>
        <translation>geben Sie nur eine Migration an</translation>
    </message>
    <message>
        <source>give either --project or --dir, not both</source>
        <translation>geben Sie entweder --project oder --dir an, nicht beides</translation>
    </message>
    <message>
        <source>%1 holds no migrations</source>
        <translation>%1 enthält keine Migrationen</translation>
    </message>
    <message>
        <source>%1 has no migration %2</source>
        <translation>%1 enthält keine Migration %2</translation>
    </message>
    <message>
        <source>%1: the down file %2</source>
        <translation>%1: die Down-Datei %2</translation>
    </message>
    <message>
        <source>%1 changes nothing the snapshots record: nothing to undo</source>
        <translation>%1 ändert nichts, was die Snapshots festhalten: nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>%1: derived from %2 back to %3</source>
        <translation>%1: abgeleitet von %2 zurück zu %3</translation>
    </message>
    <message>
        <source>an empty database</source>
        <translation>einer leeren Datenbank</translation>
    </message>
    <message>
        <source>No schema changes, nothing to migrate</source>
        <translation>Keine Schemaänderungen, nichts zu migrieren</translation>
    </message>
    <message>
        <source>-- Written by Strata %1 (strata generate) from %2, after %3. It:</source>
        <translation>-- Geschrieben von Strata %1 (strata generate) aus %2, ausgehend von %3. Diese Migration:</translation>
    </message>
    <message>
        <source>Save the change from a migrations folder&apos;s latest snapshot to a live (development) database as the folder&apos;s next migration: SQL, snapshot, journal entry and down SQL.</source>
        <translation>Die Änderung vom neuesten Snapshot eines Migrationsordners zu einer laufenden (Entwicklungs-)Datenbank als nächste Migration des Ordners speichern: SQL, Snapshot, Journal-Eintrag und Down-SQL.</translation>
    </message>
    <message>
        <source>The drizzle project whose migrations folder gets the migration (default: the current folder).</source>
        <translation>Das drizzle-Projekt, in dessen Migrationsordner die Migration kommt (Standard: der aktuelle Ordner).</translation>
    </message>
    <message>
        <source>The migrations folder to add to.</source>
        <translation>Der Migrationsordner, zu dem hinzugefügt wird.</translation>
    </message>
    <message>
        <source>The database whose schema the migration leads to (default: the project&apos;s database URL).</source>
        <translation>Die Datenbank, zu deren Schema die Migration führt (Standard: die Datenbank-URL des Projekts).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The migration&apos;s name after its number (default: a random one, as drizzle-kit makes).</source>
        <translation>Der Name der Migration nach ihrer Nummer (Standard: ein zufälliger, wie ihn drizzle-kit erzeugt).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Only these schemas of the database, separated by commas (default: all but system schemas and drizzle&apos;s bookkeeping table).</source>
        <translation>Nur diese Schemas der Datenbank, durch Kommas getrennt (Standard: alle außer den Systemschemas und der Verwaltungstabelle von drizzle).</translation>
    </message>
    <message>
        <source>Try &apos;strata generate --help&apos;.</source>
        <translation>Versuchen Sie „strata generate --help“.</translation>
    </message>
    <message>
        <source>strata generate: %1</source>
        <translation>strata generate: %1</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>--dir needs --from-db: which database should the migration lead to?</source>
        <translation>--dir benötigt --from-db: zu welcher Datenbank soll die Migration führen?</translation>
    </message>
    <message>
        <source>the project names no database: give --from-db &lt;url&gt;</source>
        <translation>das Projekt nennt keine Datenbank: geben Sie --from-db &lt;url&gt; an</translation>
    </message>
    <message>
        <source>%1 is in drizzle-kit 1.0&apos;s layout, whose version 8 snapshots Strata reads but cannot write yet; use drizzle-kit 1.0&apos;s generate there</source>
        <translation>%1 hat das Layout von drizzle-kit 1.0, dessen Snapshots der Version 8 Strata liest, aber noch nicht schreiben kann; verwenden Sie dort generate von drizzle-kit 1.0</translation>
    </message>
    <message>
        <source>%1 has errors (above; &apos;strata check&apos; shows all): a migration added now would build on a history that drizzle cannot apply</source>
        <translation>%1 enthält Fehler (siehe oben; „strata check“ zeigt alle): eine jetzt hinzugefügte Migration würde auf einer Historie aufbauen, die drizzle nicht anwenden kann</translation>
    </message>
    <message>
        <source>%1 is a version %2 snapshot: drizzle-kit generate refuses it as well; run &apos;drizzle-kit up&apos; first</source>
        <translation>%1 ist ein Snapshot der Version %2: drizzle-kit generate lehnt ihn ebenfalls ab; führen Sie zuerst „drizzle-kit up“ aus</translation>
    </message>
    <message>
        <source>strata generate: could not read the schema of %1: %2</source>
        <translation>strata generate: das Schema von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>-- The way back from this migration, written by Strata %1. drizzle never reads this file; &apos;strata rollback&apos; runs it. It:</source>
        <translation>-- Der Weg zurück aus dieser Migration, geschrieben von Strata %1. drizzle liest diese Datei nie; „strata rollback“ führt sie aus. Diese Datei:</translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s) in %1</source>
        <translation>
            <numerusform>%n Anweisung in %1</numerusform>
            <numerusform>%n Anweisungen in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>down SQL %1</source>
        <translation>Down-SQL %1</translation>
    </message>
    <message>
        <source>Judge by the table sizes of this database (its statistics: reltuples), as the migrations would meet it.</source>
        <translation>Nach den Tabellengrößen dieser Datenbank urteilen (ihre Statistik: reltuples), so wie die Migrationen sie vorfinden würden.</translation>
    </message>
    <message>
        <source>strata lint: %1</source>
        <translation>strata lint: %1</translation>
    </message>
    <message>
        <source>strata lint: could not read the table sizes of %1: %2</source>
        <translation>strata lint: die Tabellengrößen von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>there is no migration number %1</source>
        <translation>es gibt keine Migration mit der Nummer %1</translation>
    </message>
    <message>
        <source>%1 has no down file (%2), and %3</source>
        <translation>%1 hat keine Down-Datei (%2), und %3</translation>
    </message>
    <message>
        <source>the snapshot before it, %1, is missing</source>
        <translation>der Snapshot davor, %1, fehlt</translation>
    </message>
    <message>
        <source>the snapshot before it cannot be read: %1</source>
        <translation>der Snapshot davor kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>its snapshot describes the same schema as the one before it: its SQL changes something the snapshots do not record (data, or custom SQL), which only its author can undo</source>
        <translation>ihr Snapshot beschreibt dasselbe Schema wie der davor: ihr SQL ändert etwas, das die Snapshots nicht festhalten (Daten oder eigenes SQL), und das kann nur ihr Autor rückgängig machen</translation>
    </message>
    <message>
        <source>a down migration of no migration in the journal: nothing rolls back with it</source>
        <translation>eine Down-Migration zu keiner Migration im Journal: mit ihr wird nichts zurückgerollt</translation>
    </message>
    <message>
        <source>creates schema %1</source>
        <translation>legt das Schema %1 an</translation>
    </message>
    <message>
        <source>renames schema %1 to %2</source>
        <translation>benennt das Schema %1 in %2 um</translation>
    </message>
    <message>
        <source>drops schema %1</source>
        <translation>löscht das Schema %1</translation>
    </message>
    <message>
        <source>creates enum %1</source>
        <translation>legt das Enum %1 an</translation>
    </message>
    <message>
        <source>moves enum %1 to schema %2</source>
        <translation>verschiebt das Enum %1 in das Schema %2</translation>
    </message>
    <message>
        <source>renames enum %1 to %2</source>
        <translation>benennt das Enum %1 in %2 um</translation>
    </message>
    <message>
        <source>adds value %1 to enum %2</source>
        <translation>fügt den Wert %1 zum Enum %2 hinzu</translation>
    </message>
    <message>
        <source>recreates enum %1 without some of its values</source>
        <translation>legt das Enum %1 ohne einige seiner Werte neu an</translation>
    </message>
    <message>
        <source>drops enum %1</source>
        <translation>löscht das Enum %1</translation>
    </message>
    <message>
        <source>creates sequence %1</source>
        <translation>legt die Sequenz %1 an</translation>
    </message>
    <message>
        <source>moves sequence %1 to schema %2</source>
        <translation>verschiebt die Sequenz %1 in das Schema %2</translation>
    </message>
    <message>
        <source>renames sequence %1 to %2</source>
        <translation>benennt die Sequenz %1 in %2 um</translation>
    </message>
    <message>
        <source>alters sequence %1</source>
        <translation>ändert die Sequenz %1</translation>
    </message>
    <message>
        <source>drops sequence %1</source>
        <translation>löscht die Sequenz %1</translation>
    </message>
    <message>
        <source>creates role %1</source>
        <translation>legt die Rolle %1 an</translation>
    </message>
    <message>
        <source>renames role %1 to %2</source>
        <translation>benennt die Rolle %1 in %2 um</translation>
    </message>
    <message>
        <source>alters role %1</source>
        <translation>ändert die Rolle %1</translation>
    </message>
    <message>
        <source>drops role %1</source>
        <translation>löscht die Rolle %1</translation>
    </message>
    <message>
        <source>creates table %1</source>
        <translation>legt die Tabelle %1 an</translation>
    </message>
    <message>
        <source>drops table %1</source>
        <translation>löscht die Tabelle %1</translation>
    </message>
    <message>
        <source>moves table %1 to schema %2</source>
        <translation>verschiebt die Tabelle %1 in das Schema %2</translation>
    </message>
    <message>
        <source>renames table %1 to %2</source>
        <translation>benennt die Tabelle %1 in %2 um</translation>
    </message>
    <message>
        <source>enables row-level security on %1</source>
        <translation>aktiviert die Sicherheit auf Zeilenebene (RLS) für %1</translation>
    </message>
    <message>
        <source>disables row-level security on %1</source>
        <translation>deaktiviert die Sicherheit auf Zeilenebene (RLS) für %1</translation>
    </message>
    <message>
        <source>adds column %1</source>
        <translation>fügt die Spalte %1 hinzu</translation>
    </message>
    <message>
        <source>drops column %1</source>
        <translation>löscht die Spalte %1</translation>
    </message>
    <message>
        <source>renames column %1 to %2</source>
        <translation>benennt die Spalte %1 in %2 um</translation>
    </message>
    <message>
        <source>changes the type of %1 to %2</source>
        <translation>ändert den Typ von %1 auf %2</translation>
    </message>
    <message>
        <source>sets the default of %1</source>
        <translation>setzt den Standardwert von %1</translation>
    </message>
    <message>
        <source>drops the default of %1</source>
        <translation>entfernt den Standardwert von %1</translation>
    </message>
    <message>
        <source>makes %1 NOT NULL</source>
        <translation>setzt %1 auf NOT NULL</translation>
    </message>
    <message>
        <source>lets %1 be NULL</source>
        <translation>erlaubt NULL in %1</translation>
    </message>
    <message>
        <source>makes %1 an identity column</source>
        <translation>macht %1 zu einer Identitätsspalte</translation>
    </message>
    <message>
        <source>alters the identity of %1</source>
        <translation>ändert die Identität von %1</translation>
    </message>
    <message>
        <source>drops the identity of %1</source>
        <translation>entfernt die Identität von %1</translation>
    </message>
    <message>
        <source>recreates generated column %1</source>
        <translation>legt die generierte Spalte %1 neu an</translation>
    </message>
    <message>
        <source>turns generated column %1 into a plain one</source>
        <translation>macht die generierte Spalte %1 zu einer gewöhnlichen Spalte</translation>
    </message>
    <message>
        <source>adds primary key %1 to %2</source>
        <translation>fügt den Primärschlüssel %1 zu %2 hinzu</translation>
    </message>
    <message>
        <source>drops primary key %1 of %2</source>
        <translation>löscht den Primärschlüssel %1 von %2</translation>
    </message>
    <message>
        <source>adds unique constraint %1 to %2</source>
        <translation>fügt die Eindeutigkeitsbedingung %1 zu %2 hinzu</translation>
    </message>
    <message>
        <source>drops unique constraint %1 of %2</source>
        <translation>löscht die Eindeutigkeitsbedingung %1 von %2</translation>
    </message>
    <message>
        <source>adds foreign key %1 to %2</source>
        <translation>fügt den Fremdschlüssel %1 zu %2 hinzu</translation>
    </message>
    <message>
        <source>drops foreign key %1 of %2</source>
        <translation>löscht den Fremdschlüssel %1 von %2</translation>
    </message>
    <message>
        <source>adds check %1 to %2</source>
        <translation>fügt die Prüfbedingung %1 zu %2 hinzu</translation>
    </message>
    <message>
        <source>drops check %1 of %2</source>
        <translation>löscht die Prüfbedingung %1 von %2</translation>
    </message>
    <message>
        <source>creates index %1 on %2</source>
        <translation>legt den Index %1 für %2 an</translation>
    </message>
    <message>
        <source>drops index %1 of %2</source>
        <translation>löscht den Index %1 von %2</translation>
    </message>
    <message>
        <source>creates policy %1 on %2</source>
        <translation>legt die Richtlinie %1 für %2 an</translation>
    </message>
    <message>
        <source>drops policy %1 of %2</source>
        <translation>löscht die Richtlinie %1 von %2</translation>
    </message>
    <message>
        <source>renames policy %1 of %2 to %3</source>
        <translation>benennt die Richtlinie %1 von %2 in %3 um</translation>
    </message>
    <message>
        <source>alters policy %1 of %2</source>
        <translation>ändert die Richtlinie %1 von %2</translation>
    </message>
    <message>
        <source>creates view %1</source>
        <translation>legt die Sicht %1 an</translation>
    </message>
    <message>
        <source>drops view %1</source>
        <translation>löscht die Sicht %1</translation>
    </message>
    <message>
        <source>renames view %1 to %2</source>
        <translation>benennt die Sicht %1 in %2 um</translation>
    </message>
    <message>
        <source>moves view %1 to schema %2</source>
        <translation>verschiebt die Sicht %1 in das Schema %2</translation>
    </message>
    <message>
        <source>changes the storage options of view %1</source>
        <translation>ändert die Speicheroptionen der Sicht %1</translation>
    </message>
    <message>
        <source>(data loss)</source>
        <translation>(Datenverlust)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more change(s)</source>
        <translation>
            <numerusform>und %n weitere Änderung</numerusform>
            <numerusform>und %n weitere Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>strata check: %1</source>
        <translation>strata check: %1</translation>
    </message>
    <message>
        <source>makes %1 logged (crash-safe)</source>
        <translation>macht %1 protokolliert (absturzsicher)</translation>
    </message>
    <message>
        <source>makes %1 unlogged (emptied by a crash)</source>
        <translation>macht %1 unprotokolliert (nach einem Absturz leer)</translation>
    </message>
    <message>
        <source>changes the storage parameters of %1</source>
        <translation>ändert die Speicherparameter von %1</translation>
    </message>
    <message>
        <source>forces row-level security on %1 for its owner too</source>
        <translation>erzwingt die Sicherheit auf Zeilenebene (RLS) für %1 auch für den Eigentümer</translation>
    </message>
    <message>
        <source>stops forcing row-level security on %1</source>
        <translation>erzwingt die Sicherheit auf Zeilenebene (RLS) für %1 nicht mehr</translation>
    </message>
    <message>
        <source>sets the comment of %1</source>
        <translation>setzt den Kommentar von %1</translation>
    </message>
    <message>
        <source>The drizzle project (default: the current folder): its drizzle.config.ts names the migrations folder and bookkeeping table, its .env the database.</source>
        <translation>Das drizzle-Projekt (Standard: der aktuelle Ordner): seine drizzle.config.ts nennt den Migrationsordner und die Verwaltungstabelle, seine .env die Datenbank.</translation>
    </message>
    <message>
        <source>The migrations folder itself, instead of a project.</source>
        <translation>Der Migrationsordner selbst statt eines Projekts.</translation>
    </message>
    <message>
        <source>The database (a postgres:// URL or libpq&apos;s key=value string). Default: the project&apos;s DIRECT_URL, then DATABASE_URL, then libpq&apos;s PG* variables.</source>
        <translation>Die Datenbank (eine postgres://-URL oder eine key=value-Zeichenfolge für libpq). Standard: DIRECT_URL des Projekts, dann DATABASE_URL, dann die PG*-Variablen von libpq.</translation>
    </message>
    <message>
        <source>The bookkeeping table&apos;s schema (default: the project&apos;s migrations.schema, else drizzle).</source>
        <translation>Das Schema der Verwaltungstabelle (Standard: migrations.schema des Projekts, sonst drizzle).</translation>
    </message>
    <message>
        <source>The bookkeeping table (default: the project&apos;s migrations.table, else __drizzle_migrations).</source>
        <translation>Die Verwaltungstabelle (Standard: migrations.table des Projekts, sonst __drizzle_migrations).</translation>
    </message>
    <message>
        <source>the bookkeeping table&apos;s schema and name cannot be empty</source>
        <translation>Schema und Name der Verwaltungstabelle dürfen nicht leer sein</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>libpq&apos;s defaults (PGHOST, PGDATABASE, …)</source>
        <translation>Standardwerte von libpq (PGHOST, PGDATABASE, …)</translation>
    </message>
    <message>
        <source>Apply the pending migrations of a drizzle migrations folder, recorded in drizzle&apos;s bookkeeping table.</source>
        <translation>Die ausstehenden Migrationen eines drizzle-Migrationsordners anwenden und in der Verwaltungstabelle von drizzle festhalten.</translation>
    </message>
    <message>
        <source>Apply up to and including this migration.</source>
        <translation>Bis einschließlich dieser Migration anwenden.</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Also apply migrations older than the newest applied one.</source>
        <translation>Auch Migrationen anwenden, die älter sind als die neueste angewendete.</translation>
    </message>
    <message>
        <source>Go on although an applied migration&apos;s file has changed since.</source>
        <translation>Fortfahren, obwohl sich die Datei einer angewendeten Migration seitdem geändert hat.</translation>
    </message>
    <message>
        <source>Go on although the ledger records migrations the folder does not have.</source>
        <translation>Fortfahren, obwohl die Verwaltungstabelle Migrationen verzeichnet, die der Ordner nicht hat.</translation>
    </message>
    <message>
        <source>strata migrate takes no arguments</source>
        <translation>strata migrate nimmt keine Argumente</translation>
    </message>
    <message>
        <source>Try &apos;strata migrate --help&apos;.</source>
        <translation>Siehe „strata migrate --help“.</translation>
    </message>
    <message>
        <source>Undo applied migrations: run their down SQL and delete their ledger rows, in one transaction.</source>
        <translation>Angewendete Migrationen rückgängig machen: ihr Down-SQL ausführen und ihre Zeilen in der Verwaltungstabelle löschen, in einer Transaktion.</translation>
    </message>
    <message>
        <source>Roll back every migration applied after this one.</source>
        <translation>Jede nach dieser angewendete Migration zurücknehmen.</translation>
    </message>
    <message>
        <source>Roll back the newest n applied migrations.</source>
        <translation>Die neuesten n angewendeten Migrationen zurücknehmen.</translation>
    </message>
    <message>
        <source>Do not ask before running the SQL.</source>
        <translation>Vor dem Ausführen des SQL nicht nachfragen.</translation>
    </message>
    <message>
        <source>strata rollback takes no arguments</source>
        <translation>strata rollback nimmt keine Argumente</translation>
    </message>
    <message>
        <source>Try &apos;strata rollback --help&apos;.</source>
        <translation>Siehe „strata rollback --help“.</translation>
    </message>
    <message>
        <source>strata rollback: give --to &lt;tag&gt; or --steps &lt;n&gt;</source>
        <translation>strata rollback: geben Sie --to &lt;tag&gt; oder --steps &lt;n&gt; an</translation>
    </message>
    <message>
        <source>strata rollback: --steps wants a number of 1 or more, not &apos;%1&apos;</source>
        <translation>strata rollback: --steps erwartet eine Zahl ab 1, nicht „%1“</translation>
    </message>
    <message>
        <source>Run this rollback? [y/N] </source>
        <translation>Diese Rücknahme ausführen? [y/N] </translation>
    </message>
    <message>
        <source>strata rollback: not run: there is no terminal to ask on; pass --yes to run the SQL above</source>
        <translation>strata rollback: nicht ausgeführt: es gibt kein Terminal für die Rückfrage; geben Sie --yes an, um das SQL oben auszuführen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Waiting for another migration run (server process %1)…</source>
        <translation>Warte auf einen anderen Migrationslauf (Serverprozess %1)…</translation>
    </message>
    <message>
        <source>Waiting for another migration run…</source>
        <translation>Warte auf einen anderen Migrationslauf…</translation>
    </message>
    <message>
        <source>migration %1/%2 %3, statement %4/%5: %6</source>
        <translation>Migration %1/%2 %3, Anweisung %4/%5: %6</translation>
    </message>
    <message numerus="yes">
        <source>  ran %1 (%n statement(s), %2)</source>
        <translation>
            <numerusform>  %1 ausgeführt (%n Anweisung, %2)</numerusform>
            <numerusform>  %1 ausgeführt (%n Anweisungen, %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s), %1 … %2</source>
        <translation>
            <numerusform>%n Migration, %1 … %2</numerusform>
            <numerusform>%n Migrationen, %1 … %2</numerusform>
        </translation>
    </message>
    <message>
        <source>  committed %1</source>
        <translation>  festgeschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelling: the open transaction rolls back…</source>
        <translation>Abbruch: die offene Transaktion wird zurückgerollt…</translation>
    </message>
    <message numerus="yes">
        <source>Applying %n migration(s) from %1 (%2 statements):</source>
        <translation>
            <numerusform>%n Migration aus %1 wird angewendet (%2 Anweisungen):</numerusform>
            <numerusform>%n Migrationen aus %1 werden angewendet (%2 Anweisungen):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n migration(s) from %1 (%2 statements):</source>
        <translation>
            <numerusform>%n Migration aus %1 wird zurückgenommen (%2 Anweisungen):</numerusform>
            <numerusform>%n Migrationen aus %1 werden zurückgenommen (%2 Anweisungen):</numerusform>
        </translation>
    </message>
    <message>
        <source>(commits on its own: %1)</source>
        <translation>(schreibt für sich fest: %1)</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n migration(s) in %1.</source>
        <translation>
            <numerusform>%n Migration in %1 angewendet.</numerusform>
            <numerusform>%n Migrationen in %1 angewendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rolled back %n migration(s) in %1.</source>
        <translation>
            <numerusform>%n Migration in %1 zurückgenommen.</numerusform>
            <numerusform>%n Migrationen in %1 zurückgenommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply: the database is up to date.</source>
        <translation>Nichts anzuwenden: die Datenbank ist auf dem neuesten Stand.</translation>
    </message>
    <message>
        <source>Nothing to roll back.</source>
        <translation>Nichts zurückzunehmen.</translation>
    </message>
    <message>
        <source>-- Dry run: this is what would run; nothing was changed.</source>
        <translation>-- Probelauf: dies würde ausgeführt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>refused, nothing was changed:</source>
        <translation>abgelehnt, nichts wurde geändert:</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>keine Verbindung: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Anweisung: %1</translation>
    </message>
    <message>
        <source>cancelled.</source>
        <translation>abgebrochen.</translation>
    </message>
    <message>
        <source>the connection was lost: %1</source>
        <translation>die Verbindung ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>Applied and committed: %1</source>
        <translation>Angewendet und festgeschrieben: %1</translation>
    </message>
    <message>
        <source>Rolled back and committed: %1</source>
        <translation>Zurückgenommen und festgeschrieben: %1</translation>
    </message>
    <message>
        <source>Not applied (rolled back): %1</source>
        <translation>Nicht angewendet (zurückgerollt): %1</translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgenommen: %1</translation>
    </message>
    <message>
        <source>%1 stopped after some of its statements had been committed (outside the run&apos;s transaction); they stay applied, and its ledger row was not written. Check them before running it again.</source>
        <translation>%1 hielt an, nachdem einige ihrer Anweisungen festgeschrieben waren (außerhalb der Transaktion des Laufs); sie bleiben angewendet, und die Zeile in der Verwaltungstabelle wurde nicht geschrieben. Prüfen Sie sie, bevor Sie die Migration erneut ausführen.</translation>
    </message>
    <message>
        <source>--%1 wants milliseconds (0 or more), not &apos;%2&apos;</source>
        <translation>--%1 erwartet Millisekunden (0 oder mehr), nicht „%2“</translation>
    </message>
    <message>
        <source>Show the plan and the SQL; change nothing.</source>
        <translation>Den Plan und das SQL zeigen; nichts ändern.</translation>
    </message>
    <message>
        <source>all: every migration in one transaction (drizzle&apos;s way, the default); each: one transaction per migration.</source>
        <translation>all: alle Migrationen in einer Transaktion (wie drizzle, der Standard); each: eine Transaktion je Migration.</translation>
    </message>
    <message>
        <source>Give up a statement that waits longer than this for a lock (default 10000; 0: wait for ever).</source>
        <translation>Eine Anweisung aufgeben, die länger als so lange auf eine Sperre wartet (Standard 10000; 0: ewig warten).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Give up a statement that runs longer than this (default 0: no limit).</source>
        <translation>Eine Anweisung aufgeben, die länger als so lange läuft (Standard 0: keine Grenze).</translation>
    </message>
    <message>
        <source>Fail at once when another migration run holds the lock.</source>
        <translation>Sofort scheitern, wenn ein anderer Migrationslauf die Sperre hält.</translation>
    </message>
    <message>
        <source>Do not record the run in the __strata_runs table.</source>
        <translation>Den Lauf nicht in der Tabelle __strata_runs festhalten.</translation>
    </message>
    <message>
        <source>Print one JSON object per event, for CI logs.</source>
        <translation>Ein JSON-Objekt je Ereignis ausgeben, für CI-Protokolle.</translation>
    </message>
    <message>
        <source>--tx is all or each, not &apos;%1&apos;</source>
        <translation>--tx ist all oder each, nicht „%1“</translation>
    </message>
    <message>
        <source>there is no migrations folder at %1</source>
        <translation>unter %1 gibt es keinen Migrationsordner</translation>
    </message>
    <message>
        <source>%1 has errors (above; &apos;strata check&apos; shows all): fix them before applying</source>
        <translation>%1 hat Fehler (oben; „strata check“ zeigt alle): beheben Sie sie vor dem Anwenden</translation>
    </message>
    <message>
        <source>no migration %1 in %2</source>
        <translation>keine Migration %1 in %2</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message numerus="yes">
        <source>recorded %n times in the ledger</source>
        <translation>
            <numerusform>%n-mal in der Verwaltungstabelle verzeichnet</numerusform>
            <numerusform>%n-mal in der Verwaltungstabelle verzeichnet</numerusform>
        </translation>
    </message>
    <message>
        <source>changed since it was applied: ledger hash %1…, file %2…</source>
        <translation>seit dem Anwenden geändert: Hash in der Verwaltungstabelle %1…, Datei %2…</translation>
    </message>
    <message>
        <source>older than the newest applied migration (%1): drizzle-kit migrate skips it for ever</source>
        <translation>älter als die neueste angewendete Migration (%1): drizzle-kit migrate überspringt sie für immer</translation>
    </message>
    <message>
        <source>ledger row %1 (created_at %2, hash %3…) names no migration in the folder</source>
        <translation>Zeile %1 der Verwaltungstabelle (created_at %2, Hash %3…) nennt keine Migration im Ordner</translation>
    </message>
    <message>
        <source>Show which migrations a database has applied, which are pending, and how it drifted from the last applied snapshot.</source>
        <translation>Zeigen, welche Migrationen eine Datenbank angewendet hat, welche ausstehen und wie sie vom zuletzt angewendeten Snapshot abweicht.</translation>
    </message>
    <message>
        <source>Print the status as a JSON document.</source>
        <translation>Den Status als JSON-Dokument ausgeben.</translation>
    </message>
    <message>
        <source>Do not read the database&apos;s schema to find drift.</source>
        <translation>Das Schema der Datenbank nicht lesen, um Abweichungen zu finden.</translation>
    </message>
    <message>
        <source>strata status takes no arguments</source>
        <translation>strata status nimmt keine Argumente</translation>
    </message>
    <message>
        <source>Try &apos;strata status --help&apos;.</source>
        <translation>Siehe „strata status --help“.</translation>
    </message>
    <message>
        <source>strata status: %1</source>
        <translation>strata status: %1</translation>
    </message>
    <message>
        <source>the ledger has a row whose created_at is NULL: drizzle-kit migrate would take every migration for pending</source>
        <translation>die Verwaltungstabelle hat eine Zeile mit created_at NULL: drizzle-kit migrate hielte jede Migration für ausstehend</translation>
    </message>
    <message>
        <source>Database: %1 (%2)</source>
        <translation>Datenbank: %1 (%2)</translation>
    </message>
    <message>
        <source>Folder:   %1 (%2 layout)</source>
        <translation>Ordner:   %1 (Aufbau %2)</translation>
    </message>
    <message>
        <source>Ledger:   %1</source>
        <translation>Verwaltungstabelle: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n row(s))</source>
        <translation>
            <numerusform>(%n Zeile)</numerusform>
            <numerusform>(%n Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>(not created yet)</source>
        <translation>(noch nicht angelegt)</translation>
    </message>
    <message>
        <source>(no migrations)</source>
        <translation>(keine Migrationen)</translation>
    </message>
    <message>
        <source>%1 applied, %2 modified, %3 pending, %4 out of order, %5 missing</source>
        <translation>%1 angewendet, %2 geändert, %3 ausstehend, %4 außer der Reihe, %5 fehlend</translation>
    </message>
    <message>
        <source>Drift: not checked: %1</source>
        <translation>Abweichung: nicht geprüft: %1</translation>
    </message>
    <message>
        <source>an empty schema (nothing is applied)</source>
        <translation>einem leeren Schema (nichts ist angewendet)</translation>
    </message>
    <message>
        <source>%1&apos;s snapshot</source>
        <translation>dem Snapshot von %1</translation>
    </message>
    <message>
        <source>Drift: none; the database matches %1.</source>
        <translation>Abweichung: keine; die Datenbank entspricht %1.</translation>
    </message>
    <message>
        <source>Drift: the database differs from %1; this SQL would turn the snapshot into the database:</source>
        <translation>Abweichung: die Datenbank weicht von %1 ab; dieses SQL machte aus dem Snapshot die Datenbank:</translation>
    </message>
    <message>
        <source>line %1: %2 changes the run&apos;s transaction in a way Strata cannot follow (only BEGIN and COMMIT are understood)</source>
        <translation>Zeile %1: %2 ändert die Transaktion des Laufs auf eine Weise, der Strata nicht folgen kann (nur BEGIN und COMMIT werden verstanden)</translation>
    </message>
    <message>
        <source>it adds the enum value %1, which %2 uses: PostgreSQL refuses a new value before the transaction that added it commits</source>
        <translation>sie fügt den Enum-Wert %1 hinzu, den %2 verwendet: PostgreSQL lehnt einen neuen Wert ab, bevor die Transaktion, die ihn hinzufügte, festgeschrieben ist</translation>
    </message>
    <message>
        <source>cannot roll back %1: %2</source>
        <translation>%1 kann nicht zurückgenommen werden: %2</translation>
    </message>
    <message>
        <source>its SQL has its own BEGIN/COMMIT: the run&apos;s transaction commits where the file says COMMIT, and again when the migration ends</source>
        <translation>ihr SQL hat eigene BEGIN/COMMIT: die Transaktion des Laufs wird dort festgeschrieben, wo die Datei COMMIT sagt, und erneut am Ende der Migration</translation>
    </message>
    <message>
        <source>it has a statement that cannot run in a transaction block: what comes before that statement commits first, and the migration commits when it ends</source>
        <translation>sie hat eine Anweisung, die nicht in einem Transaktionsblock laufen kann: was davor kommt, wird zuerst festgeschrieben, und die Migration wird an ihrem Ende festgeschrieben</translation>
    </message>
    <message>
        <source>-- %1 (%2)</source>
        <translation>-- %1 (%2)</translation>
    </message>
    <message>
        <source>-- undo %1 (%2)</source>
        <translation>-- Rücknahme von %1 (%2)</translation>
    </message>
    <message>
        <source>-- outside a transaction:</source>
        <translation>-- außerhalb einer Transaktion:</translation>
    </message>
    <message>
        <source>another migration run holds the lock (server process %1); not waiting, as asked (--no-wait)</source>
        <translation>ein anderer Migrationslauf hält die Sperre (Serverprozess %1); wie verlangt wird nicht gewartet (--no-wait)</translation>
    </message>
    <message>
        <source>another migration run holds the lock; not waiting, as asked (--no-wait)</source>
        <translation>ein anderer Migrationslauf hält die Sperre; wie verlangt wird nicht gewartet (--no-wait)</translation>
    </message>
    <message>
        <source>the migrations folder has errors (&apos;strata check&apos; shows them)</source>
        <translation>der Migrationsordner hat Fehler („strata check“ zeigt sie)</translation>
    </message>
    <message>
        <source>no migration %1 in the folder</source>
        <translation>keine Migration %1 im Ordner</translation>
    </message>
    <message>
        <source>%1 was changed after it was applied; restore the file, or pass --allow-modified to apply the rest anyway</source>
        <translation>%1 wurde nach dem Anwenden geändert; stellen Sie die Datei wieder her oder geben Sie --allow-modified an, um den Rest trotzdem anzuwenden</translation>
    </message>
    <message>
        <source>%1 is older than the newest applied migration (drizzle-kit migrate would skip it for ever); pass --allow-out-of-order to apply it</source>
        <translation>%1 ist älter als die neueste angewendete Migration (drizzle-kit migrate würde sie für immer überspringen); geben Sie --allow-out-of-order an, um sie anzuwenden</translation>
    </message>
    <message>
        <source>the ledger records a migration (row %1, hash %2) that is not in the folder; pass --allow-missing to go on without it</source>
        <translation>die Verwaltungstabelle verzeichnet eine Migration (Zeile %1, Hash %2), die nicht im Ordner ist; geben Sie --allow-missing an, um ohne sie fortzufahren</translation>
    </message>
    <message>
        <source>%1 is not applied: roll back to an applied migration</source>
        <translation>%1 ist nicht angewendet: nehmen Sie bis zu einer angewendeten Migration zurück</translation>
    </message>
    <message numerus="yes">
        <source>cannot roll back %n migration(s): only %1 applied</source>
        <translation>
            <numerusform>%n Migration kann nicht zurückgenommen werden: nur %1 angewendet</numerusform>
            <numerusform>%n Migrationen können nicht zurückgenommen werden: nur %1 angewendet</numerusform>
        </translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <source>cannot read the ledger of %1: %2</source>
        <translation>die Verwaltungstabelle von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read the schema of %1: %2</source>
        <translation>das Schema von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>there are no migrations number %1 to %2</source>
        <translation>es gibt keine Migrationen mit den Nummern %1 bis %2</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>%1 have no down files, and %2</source>
        <translation>%1 haben keine Down-Dateien, und %2</translation>
    </message>
    <message>
        <source>the snapshot %1 is missing</source>
        <translation>der Snapshot %1 fehlt</translation>
    </message>
    <message>
        <source>the snapshot %1 cannot be read: %2</source>
        <translation>der Snapshot %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the snapshot %1 does not follow the one before it (prevId %2, previous id %3), so the schema before it is not known</source>
        <translation>der Snapshot %1 folgt nicht auf den vorigen (prevId %2, vorige id %3), daher ist das Schema davor unbekannt</translation>
    </message>
    <message>
        <source>their snapshots describe the same schema before and after: their SQL changes something the snapshots do not record (data, or custom SQL), which only its author can undo</source>
        <translation>ihre Snapshots beschreiben vorher und nachher dasselbe Schema: ihr SQL ändert etwas, das die Snapshots nicht festhalten (Daten oder eigenes SQL), und das kann nur sein Autor rückgängig machen</translation>
    </message>
    <message>
        <source>a rollback runs in one transaction; --tx is for migrate</source>
        <translation>eine Rücknahme läuft in einer Transaktion; --tx gilt für migrate</translation>
    </message>
    <message>
        <source>The server rolled the transaction back at COMMIT.</source>
        <translation>Der Server hat die Transaktion beim COMMIT zurückgerollt.</translation>
    </message>
    <message>
        <source>-- Rows of %1 exported by Strata on %2</source>
        <translation>-- Zeilen von %1, exportiert von Strata am %2</translation>
    </message>
    <message>
        <source>-- Filter: %1</source>
        <translation>-- Filter: %1</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2: %3</source>
        <translation>%1 konnte nicht in %2 umbenannt werden: %3</translation>
    </message>
    <message>
        <source>syntax error at end of input</source>
        <translation>Syntaxfehler am Ende der Eingabe</translation>
    </message>
    <message>
        <source>the clause must be one condition, not several statements</source>
        <translation>die Klausel muss eine Bedingung sein, nicht mehrere Anweisungen</translation>
    </message>
    <message>
        <source>parameters such as $1 cannot be used in a typed WHERE clause</source>
        <translation>Parameter wie $1 können in einer eingegebenen WHERE-Klausel nicht verwendet werden</translation>
    </message>
    <message>
        <source>A view: its rows are read-only here.</source>
        <translation>Eine Sicht: ihre Zeilen sind hier schreibgeschützt.</translation>
    </message>
    <message>
        <source>A materialized view: its rows are read-only (REFRESH MATERIALIZED VIEW changes them).</source>
        <translation>Eine materialisierte Sicht: ihre Zeilen sind schreibgeschützt (REFRESH MATERIALIZED VIEW ändert sie).</translation>
    </message>
    <message>
        <source>Rows of this kind of relation are read-only here.</source>
        <translation>Zeilen dieser Art von Relation sind hier schreibgeschützt.</translation>
    </message>
    <message>
        <source>No primary key: a changed row could not be told apart from its duplicates, so the table is read-only.</source>
        <translation>Kein Primärschlüssel: eine geänderte Zeile ließe sich nicht von ihren Duplikaten unterscheiden, daher ist die Tabelle schreibgeschützt.</translation>
    </message>
    <message>
        <source>You may read this table but not change it (no UPDATE, INSERT or DELETE privilege).</source>
        <translation>Sie dürfen diese Tabelle lesen, aber nicht ändern (kein UPDATE-, INSERT- oder DELETE-Recht).</translation>
    </message>
    <message>
        <source>The relation does not exist (any more).</source>
        <translation>Die Relation existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>%1 %2 takes no value</source>
        <translation>%1 %2 nimmt keinen Wert</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 needs %n value(s)</source>
        <translation>
            <numerusform>%1 %2 braucht %n Wert</numerusform>
            <numerusform>%1 %2 braucht %n Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 needs at least one value</source>
        <translation>%1 %2 braucht mindestens einen Wert</translation>
    </message>
    <message>
        <source>=</source>
        <translation>=</translation>
    </message>
    <message>
        <source>≠</source>
        <translation>≠</translation>
    </message>
    <message>
        <source>&lt;</source>
        <translation>&lt;</translation>
    </message>
    <message>
        <source>≤</source>
        <translation>≤</translation>
    </message>
    <message>
        <source>&gt;</source>
        <translation>&gt;</translation>
    </message>
    <message>
        <source>≥</source>
        <translation>≥</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>enthält nicht</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>endet mit</translation>
    </message>
    <message>
        <source>is NULL</source>
        <translation>ist NULL</translation>
    </message>
    <message>
        <source>is not NULL</source>
        <translation>ist nicht NULL</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist eines von</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>the table has no column %1</source>
        <translation>die Tabelle hat keine Spalte %1</translation>
    </message>
    <message>
        <source>WHERE clause: %1</source>
        <translation>WHERE-Klausel: %1</translation>
    </message>
    <message>
        <source>The row with key (%1) was changed or deleted by someone else since it was loaded. Nothing was written. Refresh to see its current values, then edit again.</source>
        <translation>Die Zeile mit dem Schlüssel (%1) wurde seit dem Laden von jemand anderem geändert oder gelöscht. Es wurde nichts geschrieben. Aktualisieren Sie, um ihre jetzigen Werte zu sehen, und bearbeiten Sie sie dann erneut.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>A production connection: read-only until you unlock editing.</source>
        <translation>Eine Produktionsverbindung: schreibgeschützt, bis Sie das Bearbeiten entsperren.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s).</source>
        <translation>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement is not a COPY … TO STDOUT.</source>
        <translation>Die Anweisung ist kein COPY … TO STDOUT.</translation>
    </message>
    <message>
        <source>COPY is not supported here.</source>
        <translation>COPY wird hier nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A native PostgreSQL studio.

Commands (no display needed): %1</source>
        <translation>Ein natives PostgreSQL-Studio.

Befehle (ohne Bildschirm nutzbar): %1</translation>
    </message>
    <message>
        <source>Open the demo database (started privately).</source>
        <translation>Die Demo-Datenbank öffnen (wird privat gestartet).</translation>
    </message>
    <message>
        <source>With --demo: recreate the demo from scratch.</source>
        <translation>Mit --demo: die Demo von Grund auf neu erstellen.</translation>
    </message>
    <message>
        <source>A connection URL, keyword/value string or drizzle project folder.</source>
        <translation>Eine Verbindungs-URL, eine Schlüsselwort/Wert-Zeichenfolge oder ein drizzle-Projektordner.</translation>
    </message>
</context>
<context>
    <name>strata::CatalogModel</name>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message>
        <source>Materialized views</source>
        <translation>Materialisierte Sichten</translation>
    </message>
    <message>
        <source>Enums</source>
        <translation>Enums</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1: never analysed, row count unknown</source>
        <translation>%1: nie analysiert, Zeilenzahl unbekannt</translation>
    </message>
    <message>
        <source>%1: about %2 rows (pg_class.reltuples)</source>
        <translation>%1: etwa %2 Zeilen (pg_class.reltuples)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n)</source>
        <translation>
            <numerusform>%1 (%n)</numerusform>
            <numerusform>%1 (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ConnectionDialog</name>
    <message>
        <source>Connect to a database</source>
        <translation>Mit einer Datenbank verbinden</translation>
    </message>
    <message>
        <source>The password is not in the keyring.</source>
        <translation>Das Passwort ist nicht im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The system keyring failed: %1</source>
        <translation>Fehler im System-Schlüsselbund: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Clear the form for a new connection</source>
        <translation>Das Formular für eine neue Verbindung leeren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save this connection under its name (without the password, unless it goes to the system keyring)</source>
        <translation>Diese Verbindung unter ihrem Namen speichern (ohne das Passwort, außer es wird im System-Schlüsselbund abgelegt)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Open project folder…</source>
        <translation>Projektordner öffnen…</translation>
    </message>
    <message>
        <source>Read the connection from a drizzle project (drizzle.config.ts and .env)</source>
        <translation>Die Verbindung aus einem drizzle-Projekt lesen (drizzle.config.ts und .env)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Try to connect and show the server&apos;s version</source>
        <translation>Eine Verbindung versuchen und die Version des Servers anzeigen</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>reading the keyring…</source>
        <translation>Schlüsselbund wird gelesen…</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring, never in Strata&apos;s settings file</source>
        <translation>Das Passwort im System-Schlüsselbund aufbewahren, nie in der Einstellungsdatei von Strata</translation>
    </message>
    <message>
        <source>The password is asked for each time.</source>
        <translation>Das Passwort wird jedes Mal abgefragt.</translation>
    </message>
    <message>
        <source>Type the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Open a drizzle project folder</source>
        <translation>Einen drizzle-Projektordner öffnen</translation>
    </message>
    <message>
        <source>Cannot read the project: %1</source>
        <translation>Das Projekt kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The database URL in %1 cannot be read: %2</source>
        <translation>Die Datenbank-URL in %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The project names no database; fill in the fields.</source>
        <translation>Das Projekt nennt keine Datenbank; füllen Sie die Felder aus.</translation>
    </message>
    <message>
        <source>Connection from %1</source>
        <translation>Verbindung aus %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1, database “%2” as “%3”.</source>
        <translation>Verbunden: PostgreSQL %1, Datenbank „%2“ als „%3“.</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>The server wants a password.</source>
        <translation>Der Server verlangt ein Passwort.</translation>
    </message>
    <message>
        <source>Saved “%1”; its password is in the system keyring.</source>
        <translation>„%1“ gespeichert; das Passwort liegt im System-Schlüsselbund.</translation>
    </message>
</context>
<context>
    <name>strata::ConnectionForm</name>
    <message>
        <source>%1, column %2: %3</source>
        <translation>%1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>A name to save it under</source>
        <translation>Name, unter dem die Verbindung gespeichert wird</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/database  or  host=… dbname=…</source>
        <translation>postgresql://benutzer@host:5432/datenbank  oder  host=… dbname=…</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <source>connect_timeout=10 application_name=…</source>
        <translation>connect_timeout=10 application_name=…</translation>
    </message>
    <message>
        <source>Further libpq connection keywords as keyword=value pairs</source>
        <translation>Weitere libpq-Verbindungsschlüsselwörter als Schlüsselwort=Wert-Paare</translation>
    </message>
    <message>
        <source>Production (read-only until unlocked)</source>
        <translation>Produktion (schreibgeschützt bis zur Entsperrung)</translation>
    </message>
    <message>
        <source>Save password in the system keyring</source>
        <translation>Passwort im System-Schlüsselbund speichern</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <source>More &amp;options:</source>
        <translation>Weitere &amp;Optionen:</translation>
    </message>
    <message>
        <source>Set “%1” in its own field above.</source>
        <translation>Geben Sie „%1“ oben in seinem eigenen Feld an.</translation>
    </message>
</context>
<context>
    <name>strata::DemoLauncher</name>
    <message>
        <source>The demo resource %1 is missing from this build.</source>
        <translation>Die Demo-Ressource %1 fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Removing the old demo…</source>
        <translation>Die alte Demo wird entfernt…</translation>
    </message>
    <message>
        <source>Could not create the demo folder %1.</source>
        <translation>Der Demo-Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Der Demo-Server wird gestartet…</translation>
    </message>
    <message>
        <source>Could not copy the demo project to %1.</source>
        <translation>Das Demo-Projekt konnte nicht nach %1 kopiert werden.</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>Die Demo-Datenbank wird angelegt…</translation>
    </message>
    <message>
        <source>The demo set-up was cancelled; nothing was kept.</source>
        <translation>Die Einrichtung der Demo wurde abgebrochen; es wurde nichts behalten.</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Loading demo data</source>
        <translation>Demo-Daten werden geladen</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Applying the demo&apos;s migrations</source>
        <translation>Die Migrationen der Demo werden angewendet</translation>
    </message>
    <message>
        <source>The demo folder %1 is a link or belongs to another user; Strata will not use it.</source>
        <translation>Der Demo-Ordner %1 ist ein Link oder gehört einem anderen Benutzer; Strata verwendet ihn nicht.</translation>
    </message>
    <message>
        <source>The demo project&apos;s migrations folder is incomplete.</source>
        <translation>Der Migrationsordner des Demo-Projekts ist unvollständig.</translation>
    </message>
    <message>
        <source>The demo set-up was cancelled; what was applied stays, and the next start goes on from there.</source>
        <translation>Die Einrichtung der Demo wurde abgebrochen; was angewendet wurde, bleibt, und der nächste Start macht dort weiter.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>strata::ExportRunner</name>
    <message>
        <source>Exported %1 rows (%2) to %3.</source>
        <translation>%1 Zeilen (%2) nach %3 exportiert.</translation>
    </message>
    <message>
        <source>Export failed, no file written: %1</source>
        <translation>Export fehlgeschlagen, keine Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file written.</source>
        <translation>Export abgebrochen; keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>SQL files (*.sql)</source>
        <translation>SQL-Dateien (*.sql)</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting %1: %2 rows, %3</source>
        <translation>%1 wird exportiert: %2 Zeilen, %3</translation>
    </message>
</context>
<context>
    <name>strata::FilterBar</name>
    <message>
        <source>Add condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>WHERE</source>
        <translation>WHERE</translation>
    </message>
    <message>
        <source>raw SQL condition, e.g. created_at &gt; now() - interval &apos;1 day&apos;</source>
        <translation>SQL-Bedingung, z. B. created_at &gt; now() - interval &apos;1 day&apos;</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>values, separated by commas</source>
        <translation>Werte, durch Kommas getrennt</translation>
    </message>
</context>
<context>
    <name>strata::Introspector</name>
    <message>
        <source>Not connected to a server.</source>
        <translation>Nicht mit einem Server verbunden.</translation>
    </message>
    <message>
        <source>PostgreSQL %1 is not supported; Strata reads schemas from PostgreSQL 10 on.</source>
        <translation>PostgreSQL %1 wird nicht unterstützt; Strata liest Schemas ab PostgreSQL 10.</translation>
    </message>
    <message>
        <source>The connection was closed while the schema was being read.</source>
        <translation>Die Verbindung wurde geschlossen, während das Schema gelesen wurde.</translation>
    </message>
    <message>
        <source>Building the schema model</source>
        <translation>Das Schemamodell wird aufgebaut</translation>
    </message>
    <message>
        <source>Reading the schema was cancelled.</source>
        <translation>Das Lesen des Schemas wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Reading schemas</source>
        <translation>Schemas werden gelesen</translation>
    </message>
    <message>
        <source>Reading tables and views</source>
        <translation>Tabellen und Sichten werden gelesen</translation>
    </message>
    <message>
        <source>Reading columns</source>
        <translation>Spalten werden gelesen</translation>
    </message>
    <message>
        <source>Reading constraints</source>
        <translation>Bedingungen werden gelesen</translation>
    </message>
    <message>
        <source>Reading indexes</source>
        <translation>Indizes werden gelesen</translation>
    </message>
    <message>
        <source>Reading enums</source>
        <translation>Enums werden gelesen</translation>
    </message>
    <message>
        <source>Reading sequences</source>
        <translation>Sequenzen werden gelesen</translation>
    </message>
    <message>
        <source>Reading policies</source>
        <translation>Richtlinien werden gelesen</translation>
    </message>
</context>
<context>
    <name>strata::LocalCluster</name>
    <message>
        <source>The PostgreSQL server programs (initdb, postgres) were not found. Install the postgresql package, or set STRATA_PG_BINDIR to their folder.</source>
        <translation>Die PostgreSQL-Serverprogramme (initdb, postgres) wurden nicht gefunden. Installieren Sie das Paket postgresql oder setzen Sie STRATA_PG_BINDIR auf ihren Ordner.</translation>
    </message>
    <message>
        <source>PostgreSQL did not start within %1 seconds.</source>
        <translation>PostgreSQL ist nicht innerhalb von %1 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not restrict the permissions of %1.</source>
        <translation>Die Zugriffsrechte von %1 konnten nicht eingeschränkt werden.</translation>
    </message>
    <message>
        <source>The folder %1 is too deep for a Unix socket (at most %2 bytes). Choose a shorter path.</source>
        <translation>Der Ordner %1 liegt zu tief für einen Unix-Socket (höchstens %2 Bytes). Wählen Sie einen kürzeren Pfad.</translation>
    </message>
    <message>
        <source>Strata runs as root and needs setpriv (util-linux) to run PostgreSQL as &quot;%1&quot;.</source>
        <translation>Strata läuft als root und benötigt setpriv (util-linux), um PostgreSQL als „%1“ auszuführen.</translation>
    </message>
    <message>
        <source>Strata runs as root, so PostgreSQL runs as the system user &quot;%1&quot;, which cannot enter the folder %2 to reach %3. Choose a folder that other users can pass through (such as one under /tmp or /var/lib).</source>
        <translation>Strata läuft als root, daher läuft PostgreSQL als Systembenutzer „%1“, der den Ordner %2 nicht betreten kann, um %3 zu erreichen. Wählen Sie einen Ordner, den andere Benutzer durchqueren dürfen (etwa einen unter /tmp oder /var/lib).</translation>
    </message>
    <message>
        <source>Could not hand %1 over to the user &quot;%2&quot;.</source>
        <translation>%1 konnte nicht an den Benutzer „%2“ übergeben werden.</translation>
    </message>
    <message>
        <source>Creating a PostgreSQL cluster in %1…</source>
        <translation>Ein PostgreSQL-Cluster wird in %1 angelegt…</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not run initdb: %1</source>
        <translation>initdb konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>initdb failed (exit code %1):
%2</source>
        <translation>initdb ist fehlgeschlagen (Exit-Code %1):
%2</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation>%1 konnte nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <source>A PostgreSQL server (process %1) is already running on %2, probably left by an earlier Strata. Stop it (kill -INT %1) and start again.</source>
        <translation>Auf %2 läuft bereits ein PostgreSQL-Server (Prozess %1), vermutlich von einer früheren Strata-Sitzung übrig geblieben. Beenden Sie ihn (kill -INT %1) und starten Sie erneut.</translation>
    </message>
    <message>
        <source>Could not remove the stale lock file %1.</source>
        <translation>Die veraltete Sperrdatei %1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not find a free TCP port on 127.0.0.1.</source>
        <translation>Auf 127.0.0.1 wurde kein freier TCP-Port gefunden.</translation>
    </message>
    <message>
        <source>Starting PostgreSQL on port %1…</source>
        <translation>PostgreSQL wird auf Port %1 gestartet…</translation>
    </message>
    <message>
        <source>Could not run postgres: %1</source>
        <translation>postgres konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>PostgreSQL is ready on port %1 (%2 ms).</source>
        <translation>PostgreSQL ist auf Port %1 bereit (%2 ms).</translation>
    </message>
    <message>
        <source>PostgreSQL stopped while starting (see %1):
%2</source>
        <translation>PostgreSQL wurde während des Starts beendet (siehe %1):
%2</translation>
    </message>
    <message>
        <source>PostgreSQL stopped unexpectedly (see %1):
%2</source>
        <translation>PostgreSQL wurde unerwartet beendet (siehe %1):
%2</translation>
    </message>
    <message>
        <source>Stopped before PostgreSQL was ready.</source>
        <translation>Beendet, bevor PostgreSQL bereit war.</translation>
    </message>
    <message>
        <source>STRATA_PG_BINDIR is set to %1, but that folder does not contain both initdb and postgres.</source>
        <translation>STRATA_PG_BINDIR ist auf %1 gesetzt, aber dieser Ordner enthält nicht sowohl initdb als auch postgres.</translation>
    </message>
    <message>
        <source>Strata runs as root, and PostgreSQL refuses to: the server must run as the system user &quot;%1&quot;, and that user does not exist.</source>
        <translation>Strata läuft als root, und PostgreSQL verweigert das: Der Server muss als Systembenutzer „%1“ laufen, und diesen Benutzer gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>strata::MainWindow</name>
    <message>
        <source>&lt;h2&gt;Strata&lt;/h2&gt;&lt;p&gt;The sidebar lists the database&apos;s schemas with their tables, views, enums and sequences, and each table&apos;s estimated row count. Ctrl+F filters it.&lt;/p&gt;&lt;p&gt;File &amp;rsaquo; Connect… opens another database; File &amp;rsaquo; Open project folder… reads a drizzle project&apos;s &lt;tt&gt;.env&lt;/tt&gt; and &lt;tt&gt;drizzle.config.ts&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Strata&lt;/h2&gt;&lt;p&gt;Die Seitenleiste zeigt die Schemas der Datenbank mit ihren Tabellen, Sichten, Enums und Sequenzen sowie die geschätzte Zeilenzahl jeder Tabelle. Strg+F filtert sie.&lt;/p&gt;&lt;p&gt;Datei &amp;rsaquo; Verbinden… öffnet eine andere Datenbank; Datei &amp;rsaquo; Projektordner öffnen… liest &lt;tt&gt;.env&lt;/tt&gt; und &lt;tt&gt;drizzle.config.ts&lt;/tt&gt; eines drizzle-Projekts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Strata</source>
        <translation>Strata</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Production: read-only</source>
        <translation>Produktion: schreibgeschützt</translation>
    </message>
    <message>
        <source>This connection is marked production: Strata will not write to it until you unlock it.</source>
        <translation>Diese Verbindung ist als Produktion markiert: Strata schreibt erst in diese Datenbank, wenn Sie sie entsperren.</translation>
    </message>
    <message>
        <source>Could not read the catalog: %1</source>
        <translation>Der Katalog konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Open &amp;project folder…</source>
        <translation>&amp;Projektordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Erneut verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Filter sidebar</source>
        <translation>Seitenleiste &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Strata</source>
        <translation>Ü&amp;ber Strata</translation>
    </message>
    <message>
        <source>About Strata</source>
        <translation>Über Strata</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;A native PostgreSQL studio for drizzle projects.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;Ein natives PostgreSQL-Studio für drizzle-Projekte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Strata</source>
        <translation>%1 — Strata</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Verbindung mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>%1 asks for a password (%2).</source>
        <translation>%1 verlangt ein Passwort (%2).</translation>
    </message>
    <message>
        <source>Not connected to %1: no password given.</source>
        <translation>Nicht mit %1 verbunden: kein Passwort eingegeben.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung mit %1 wurde unterbrochen.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung unterbrochen</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <source>Open drizzle project folder</source>
        <translation>drizzle-Projektordner öffnen</translation>
    </message>
    <message>
        <source>%1 names no database (no DATABASE_URL in .env, no dbCredentials.url in drizzle.config.ts). %2</source>
        <translation>%1 nennt keine Datenbank (kein DATABASE_URL in .env, kein dbCredentials.url in drizzle.config.ts). %2</translation>
    </message>
    <message>
        <source>Preparing the demo database…</source>
        <translation>Die Demo-Datenbank wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Strata demo</source>
        <translation>Strata-Demo</translation>
    </message>
    <message>
        <source>The demo could not start: %1</source>
        <translation>Die Demo konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Could not read the schema details: %1</source>
        <translation>Die Schemadetails konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The password for %1 was not accepted (%2). Type it again:</source>
        <translation>Das Passwort für %1 wurde nicht akzeptiert (%2). Geben Sie es erneut ein:</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>Die Verbindung mit %1 wurde unterbrochen: %2</translation>
    </message>
    <message>
        <source>Cannot connect to the project %1: %2</source>
        <translation>Verbindung mit dem Projekt %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The demo server stopped: %1 Restart Strata with --demo to start it again.</source>
        <translation>Der Demo-Server wurde beendet: %1 Starten Sie Strata mit --demo neu, um ihn wieder zu starten.</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>Nicht angewendete Änderungen</translation>
    </message>
    <message>
        <source>%1 has changes that were not applied. Close it and discard them?</source>
        <translation>%1 hat Änderungen, die nicht angewendet wurden. Schließen und die Änderungen verwerfen?</translation>
    </message>
</context>
<context>
    <name>strata::PasswordStore</name>
    <message>
        <source>No D-Bus session bus is running (a session without a desktop?), so there is no system keyring to keep the password in.</source>
        <translation>Es läuft kein D-Bus-Sitzungsbus (eine Sitzung ohne Desktop?), daher gibt es keinen System-Schlüsselbund, in dem das Passwort aufbewahrt werden kann.</translation>
    </message>
    <message>
        <source>The D-Bus session bus cannot be reached, so there is no system keyring to keep the password in.</source>
        <translation>Der D-Bus-Sitzungsbus ist nicht erreichbar, daher gibt es keinen System-Schlüsselbund, in dem das Passwort aufbewahrt werden kann.</translation>
    </message>
    <message>
        <source>No keyring service (Secret Service or KWallet) runs on the D-Bus session bus.</source>
        <translation>Auf dem D-Bus-Sitzungsbus läuft kein Schlüsselbunddienst (Secret Service oder KWallet).</translation>
    </message>
    <message>
        <source>A Secret Service keyring runs, but libsecret (package libsecret-1-0) is not installed.</source>
        <translation>Ein Secret-Service-Schlüsselbund läuft, aber libsecret (Paket libsecret-1-0) ist nicht installiert.</translation>
    </message>
    <message>
        <source>The system keyring is turned off.</source>
        <translation>Der System-Schlüsselbund ist deaktiviert.</translation>
    </message>
    <message>
        <source>The system keyring is not available: %1</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Access to the system keyring was refused.</source>
        <translation>Der Zugriff auf den System-Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>The system keyring denied access: %1</source>
        <translation>Der System-Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>The system keyring failed: %1</source>
        <translation>Fehler im System-Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>strata::ReviewDialog</name>
    <message>
        <source>Review changes</source>
        <translation>Änderungen prüfen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), applied in one transaction. A row someone else changed since it was loaded stops the transaction and nothing is written.</source>
        <translation>
            <numerusform>%n Änderung, in einer Transaktion angewendet. Eine Zeile, die seit dem Laden jemand anderes geändert hat, beendet die Transaktion, und nichts wird geschrieben.</numerusform>
            <numerusform>%n Änderungen, in einer Transaktion angewendet. Eine Zeile, die seit dem Laden jemand anderes geändert hat, beendet die Transaktion, und nichts wird geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::SavedConnectionList</name>
    <message>
        <source>Saved and recent connections</source>
        <translation>Gespeicherte und zuletzt verwendete Verbindungen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Nothing saved or used yet</source>
        <translation>Noch nichts gespeichert oder verwendet</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>%1 (production)</source>
        <translation>%1 (Produktion)</translation>
    </message>
    <message>
        <source>Production: read-only until unlocked</source>
        <translation>Produktion: schreibgeschützt bis zur Entsperrung</translation>
    </message>
</context>
<context>
    <name>strata::SidebarWidget</name>
    <message>
        <source>Filter tables, views, enums…</source>
        <translation>Tabellen, Sichten, Enums filtern…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>Copy qualified name</source>
        <translation>Qualifizierten Namen kopieren</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle ausklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle einklappen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>strata::TableDetailsWidget</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select a table or view to see its columns, keys and indexes.</source>
        <translation>Wählen Sie eine Tabelle oder Sicht aus, um ihre Spalten, Schlüssel und Indizes zu sehen.</translation>
    </message>
    <message>
        <source>%1.%2: no details (not a table or view, or not loaded yet).</source>
        <translation>%1.%2: keine Details (keine Tabelle oder Sicht, oder noch nicht geladen).</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>Primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <source>Unique constraints</source>
        <translation>Eindeutigkeitsbedingungen</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <source>Foreign keys</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>Referenziert von</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfbedingungen</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>materialized view</source>
        <translation>materialisierte Sicht</translation>
    </message>
    <message>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
</context>
<context>
    <name>strata::TableTab</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>Zeilen löschen</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Unlock editing</source>
        <translation>Bearbeiten entsperren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>JSON lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>SQL INSERT statements…</source>
        <translation>SQL-INSERT-Anweisungen…</translation>
    </message>
    <message>
        <source>Count rows</source>
        <translation>Zeilen zählen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Unapplied changes</source>
        <translation>Nicht angewendete Änderungen</translation>
    </message>
    <message>
        <source>This table has changes that were not applied. Discard them?</source>
        <translation>Diese Tabelle hat Änderungen, die nicht angewendet wurden. Verwerfen?</translation>
    </message>
    <message>
        <source>Counting failed: %1</source>
        <translation>Zählen fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n statement(s) in one transaction.</source>
        <translation>
            <numerusform>%n Anweisung in einer Transaktion angewendet.</numerusform>
            <numerusform>%n Anweisungen in einer Transaktion angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Es wurde nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Editable: changes are staged until you apply them.</source>
        <translation>Bearbeitbar: Änderungen werden vorgemerkt, bis Sie sie anwenden.</translation>
    </message>
    <message>
        <source>Times with a time zone are shown in %1.</source>
        <translation>Zeiten mit Zeitzone werden in %1 angezeigt.</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>wird gezählt…</translation>
    </message>
    <message>
        <source>%L1 rows</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source> (filtered)</source>
        <translation> (gefiltert)</translation>
    </message>
    <message numerus="yes">
        <source>Review %n change(s)…</source>
        <translation>
            <numerusform>%n Änderung prüfen…</numerusform>
            <numerusform>%n Änderungen prüfen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel count</source>
        <translation>Zählen abbrechen</translation>
    </message>
    <message>
        <source>This is a production connection. Unlock editing of %1? Every change is still shown as SQL before it is applied.</source>
        <translation>Dies ist eine Produktionsverbindung. Bearbeiten von %1 entsperren? Jede Änderung wird weiterhin als SQL gezeigt, bevor sie angewendet wird.</translation>
    </message>
    <message>
        <source>Apply to production</source>
        <translation>Auf Produktion anwenden</translation>
    </message>
    <message>
        <source>Type the database name, %1, to apply these changes to it.</source>
        <translation>Geben Sie den Datenbanknamen %1 ein, um diese Änderungen darauf anzuwenden.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s); %1 rows were not loaded and were left out (use Export for all rows).</source>
        <translation>
            <numerusform>%n Zeile kopiert; %1 Zeilen waren nicht geladen und wurden ausgelassen (für alle Zeilen: Exportieren).</numerusform>
            <numerusform>%n Zeilen kopiert; %1 Zeilen waren nicht geladen und wurden ausgelassen (für alle Zeilen: Exportieren).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>%n Zeile kopiert.</numerusform>
            <numerusform>%n Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted into %n cell(s), staged.</source>
        <translation>
            <numerusform>In %n Zelle eingefügt, vorgemerkt.</numerusform>
            <numerusform>In %n Zellen eingefügt, vorgemerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as</source>
        <translation>Kopieren als</translation>
    </message>
    <message>
        <source>Tab-separated</source>
        <translation>Tabulatorgetrennt</translation>
    </message>
    <message>
        <source>SQL INSERT</source>
        <translation>SQL INSERT</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation>Auf NULL setzen</translation>
    </message>
    <message>
        <source>Filter: %1 = this value</source>
        <translation>Filter: %1 = dieser Wert</translation>
    </message>
    <message>
        <source>Open referenced row</source>
        <translation>Referenzierte Zeile öffnen</translation>
    </message>
    <message>
        <source>Referenced by</source>
        <translation>Referenziert von</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Delete row(s)</source>
        <translation>Zeile(n) löschen</translation>
    </message>
    <message>
        <source>Revert row(s)</source>
        <translation>Zeile(n) zurücksetzen</translation>
    </message>
    <message>
        <source>Show all columns</source>
        <translation>Alle Spalten anzeigen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the filtered rows or the whole table?</source>
        <translation>Die gefilterten Zeilen oder die ganze Tabelle exportieren?</translation>
    </message>
    <message>
        <source>Filtered rows</source>
        <translation>Gefilterte Zeilen</translation>
    </message>
    <message>
        <source>Whole table</source>
        <translation>Ganze Tabelle</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
</context>
<context>
    <name>strata::ValuePanel</name>
    <message>
        <source>Set value</source>
        <translation>Wert setzen</translation>
    </message>
    <message>
        <source>Set NULL</source>
        <translation>Auf NULL setzen</translation>
    </message>
    <message>
        <source>No cell selected</source>
        <translation>Keine Zelle ausgewählt</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>Gültiges JSON.</translation>
    </message>
    <message>
        <source>Not valid JSON: %1 (at character %2).</source>
        <translation>Kein gültiges JSON: %1 (bei Zeichen %2).</translation>
    </message>
</context>
</TS>
