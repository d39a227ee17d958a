#include "MigrationFolder.h"

#include "MigrationWriter.h"
#include "NodeUtf8.h"
#include "Tr.h"
#include "pg/DrizzleProject.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace strata {

using Severity = MigrationProblem::Severity;
using Kind = MigrationProblem::Kind;

namespace {

const QString migrationSql = QStringLiteral("migration.sql");
const QString snapshotJson = QStringLiteral("snapshot.json");

} // namespace

MigrationFolder MigrationFolder::read(const QString &path)
{
    MigrationFolder folder;
    folder.m_path = path;
    const QFileInfo info(path);
    folder.m_absolutePath = info.absoluteFilePath();
    if (!info.isDir()) {
        folder.m_layout = Layout::Missing;
        folder.report(Severity::Error, Kind::FolderMissing, QString(), 0, 0,
                      info.exists() ? Tr::tr("this is not a folder") : Tr::tr("there is no such folder"));
        return folder;
    }
    const QDir dir(folder.m_absolutePath);
    const bool hasJournal = QFileInfo(folder.filePath(Journal::fileName())).isFile();
    const bool hasMeta = QFileInfo(folder.filePath(QStringLiteral("meta"))).isDir();
    QStringList migrationFolders;  // 1.0 layout: folders with a migration.sql or a snapshot.json
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (name == QLatin1String("meta"))
            continue;
        if (QFileInfo(dir.filePath(name + QLatin1Char('/') + migrationSql)).isFile()
            || QFileInfo(dir.filePath(name + QLatin1Char('/') + snapshotJson)).isFile())
            migrationFolders.append(name);
    }
    const QStringList sqlFiles = dir.entryList({QStringLiteral("*.sql")}, QDir::Files | QDir::Hidden, QDir::Name);

    if (hasJournal) {
        folder.m_layout = Layout::Journal;
        folder.readJournalLayout();
        if (!migrationFolders.isEmpty()) {
            folder.report(Severity::Warning, Kind::MixedLayout, migrationFolders.first(), 0, 0,
                          Tr::tr("%n folder(s) in drizzle-kit 1.0's layout next to meta/_journal.json: "
                                 "drizzle 0.x ignores them, and drizzle 1.0's migrator refuses a folder "
                                 "that still has a journal", nullptr, int(migrationFolders.size())));
        }
    } else if (!migrationFolders.isEmpty()) {
        folder.m_layout = Layout::Folders;
        folder.readFoldersLayout(migrationFolders);
        for (const QString &file : sqlFiles) {
            folder.report(Severity::Warning, Kind::FileNotInJournal, file, 0, 0,
                          Tr::tr("drizzle 1.0 applies only <folder>/migration.sql files: this file is never applied"));
        }
    } else if (!sqlFiles.isEmpty() || hasMeta) {
        folder.m_layout = Layout::Journal;
        folder.report(Severity::Error, Kind::JournalMissing, Journal::fileName(), 0, 0,
                      Tr::tr("there is no journal: drizzle's migrator stops with \"Can't find "
                             "meta/_journal.json file\", and no .sql file here is ever applied"));
    } else {
        folder.m_layout = Layout::Empty;
    }
    return folder;
}

MigrationFolder MigrationFolder::read(const DrizzleProject &project)
{
    MigrationFolder folder = read(project.outDir());
    folder.m_configuredPrefix = MigrationNames::parsePrefixMode(project.migrationsPrefix());
    return folder;
}

std::optional<Snapshot> MigrationFolder::readSnapshot(const QString &relative, QString *error) const
{
    QFile in(filePath(relative));
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("cannot read %1: %2").arg(relative, in.errorString());
        return std::nullopt;
    }
    SnapshotError snapshotError;
    std::optional<Snapshot> snapshot = SnapshotJson::read(in.readAll(), relative, &snapshotError);
    if (!snapshot)
        *error = snapshotError.toString();
    return snapshot;
}

QString MigrationFolder::filePath(const QString &relative) const
{
    return QDir(m_absolutePath).filePath(relative);
}

QString MigrationFolder::layoutName(Layout layout)
{
    switch (layout) {
    case Layout::Missing:
        return QStringLiteral("missing");
    case Layout::Empty:
        return QStringLiteral("empty");
    case Layout::Journal:
        return QStringLiteral("journal");
    case Layout::Folders:
        return QStringLiteral("folders");
    }
    return QString();
}

MigrationNames::PrefixMode MigrationFolder::prefixMode() const
{
    if (m_configuredPrefix)
        return *m_configuredPrefix;
    if (m_detectedPrefix)
        return *m_detectedPrefix;
    return MigrationNames::PrefixMode::Index;
}

const Migration *MigrationFolder::migration(const QString &tag) const
{
    for (const Migration &m : m_migrations) {
        if (m.tag == tag)
            return &m;
    }
    return nullptr;
}

int MigrationFolder::count(MigrationProblem::Severity severity) const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [severity](const MigrationProblem &p) { return p.severity == severity; }));
}

void MigrationFolder::report(Severity severity, Kind kind, const QString &file, int line, int column,
                             const QString &message, const QString &tag)
{
    m_problems.append(MigrationProblem{severity, kind, file, line, column, tag, message});
}

void MigrationFolder::readJournalLayout()
{
    QFile file(filePath(Journal::fileName()));
    if (!file.open(QIODevice::ReadOnly)) {
        report(Severity::Error, Kind::FileUnreadable, Journal::fileName(), 0, 0,
               Tr::tr("cannot read the journal: %1").arg(file.errorString()));
        m_journal = Journal::parse(QByteArray());
        return;
    }
    m_journal = Journal::parse(file.readAll(), &m_problems);
    if (!m_journal.isValid())
        return;

    QHash<QString, int> lineOfTag;
    QHash<int, QString> tagOfIdx;
    const JournalEntry *latest = nullptr;
    QSet<QString> journalFiles;
    QStringList tags;
    for (const JournalEntry &entry : m_journal.entries()) {
        Migration migration;
        migration.tag = entry.tag;
        migration.idx = entry.idx;
        migration.when = entry.when;
        migration.breakpoints = entry.breakpoints;
        migration.journalLine = entry.line;
        migration.sqlFile = entry.tag + QLatin1String(".sql");
        migration.snapshotFile = QLatin1String("meta/") + MigrationNames::prefixOf(entry.tag)
                                 + QLatin1String("_snapshot.json");
        migration.downFile = MigrationWriter::downFileOf(entry.tag, false);
        migration.hasDown = QFileInfo(filePath(migration.downFile)).isFile();
        journalFiles.insert(migration.sqlFile);
        journalFiles.insert(migration.downFile);
        tags.append(entry.tag);

        if (lineOfTag.contains(entry.tag)) {
            report(Severity::Error, Kind::DuplicateTag, Journal::fileName(), entry.line, 0,
                   Tr::tr("%1 is in the journal twice (also on line %2): drizzle's migrator runs "
                          "its file twice").arg(entry.tag).arg(lineOfTag.value(entry.tag)),
                   entry.tag);
        } else {
            lineOfTag.insert(entry.tag, entry.line);
        }
        if (entry.idx >= 0) {
            if (tagOfIdx.contains(entry.idx)) {
                report(Severity::Warning, Kind::DuplicateIdx, Journal::fileName(), entry.line, 0,
                       Tr::tr("idx %1 of %2 is also the idx of %3: drizzle-kit numbers new migrations "
                              "from the last idx, and index-prefixed names can collide")
                           .arg(entry.idx).arg(entry.tag, tagOfIdx.value(entry.idx)),
                       entry.tag);
            } else {
                tagOfIdx.insert(entry.idx, entry.tag);
            }
        }
        if (entry.hasWhen) {
            // As drizzle-kit check does: against the newest `when` so far, not just the previous.
            if (latest && entry.when <= latest->when) {
                report(Severity::Warning, Kind::WhenNotIncreasing, Journal::fileName(), entry.line, 0,
                       Tr::tr("%1 (when %2) follows %3 (when %4) in the journal, but its timestamp is "
                              "not greater: on a database where %3 is applied, drizzle's migrator "
                              "skips %1, silently and for good (it applies only entries newer than "
                              "the newest applied one)")
                           .arg(entry.tag).arg(entry.when).arg(latest->tag).arg(latest->when),
                       entry.tag);
            } else {
                latest = &entry;
            }
        }
        if (!QFileInfo(filePath(migration.sqlFile)).isFile()) {
            report(Severity::Error, Kind::FileMissing, Journal::fileName(), entry.line, 0,
                   Tr::tr("journal entry %1 has no file %2: drizzle's migrator stops with \"No file "
                          "… found\" before applying anything").arg(entry.tag, migration.sqlFile),
                   entry.tag);
        } else {
            readSql(migration);
        }
        m_migrations.append(migration);
    }

    const QDir dir(m_absolutePath);
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files | QDir::Hidden, QDir::Name)) {
        if (journalFiles.contains(name))
            continue;
        if (name.endsWith(QLatin1String(".down.sql"))) {
            report(Severity::Warning, Kind::FileNotInJournal, name, 0, 0,
                   Tr::tr("a down migration of no migration in the journal: nothing rolls back with it"));
        } else {
            report(Severity::Warning, Kind::FileNotInJournal, name, 0, 0,
                   Tr::tr("no journal entry names this file: drizzle never applies it"));
        }
    }
    m_detectedPrefix = MigrationNames::detectPrefixMode(tags);
    checkSnapshots();
}

void MigrationFolder::readFoldersLayout(const QStringList &folders)
{
    // drizzle 1.0 sorts with localeCompare; an ICU collator in English is the closest match
    // (folder names start with the same 14 digits either way).
    QCollator collator{QLocale(QLocale::English, QLocale::UnitedStates)};
    QStringList names = folders;
    std::sort(names.begin(), names.end(),
              [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    int position = 0;
    for (const QString &name : names) {
        const QString sql = name + QLatin1Char('/') + migrationSql;
        if (!QFileInfo(filePath(sql)).isFile()) {
            report(Severity::Warning, Kind::FolderWithoutSql, name + QLatin1Char('/') + snapshotJson, 0, 0,
                   Tr::tr("this folder has a snapshot but no migration.sql: drizzle's migrator ignores it"));
            continue;
        }
        Migration migration;
        migration.tag = name;
        migration.idx = position++;
        migration.sqlFile = sql;
        migration.snapshotFile = name + QLatin1Char('/') + snapshotJson;
        migration.downFile = MigrationWriter::downFileOf(name, true);
        migration.hasDown = QFileInfo(filePath(migration.downFile)).isFile();
        if (const std::optional<qint64> when = MigrationNames::folderMillis(name)) {
            migration.when = *when;
        } else {
            report(Severity::Warning, Kind::FolderNameInvalid, sql, 0, 0,
                   Tr::tr("the folder name %1 does not start with a YYYYMMDDHHMMSS timestamp: "
                          "drizzle stores created_at NaN for it").arg(name),
                   name);
        }
        readSql(migration);
        m_migrations.append(migration);
    }
    m_detectedPrefix = MigrationNames::PrefixMode::Timestamp;
    checkSnapshots();
}

void MigrationFolder::readSql(Migration &migration)
{
    QFile file(filePath(migration.sqlFile));
    if (!file.open(QIODevice::ReadOnly)) {
        report(Severity::Error, Kind::FileUnreadable, migration.sqlFile, 0, 0,
               Tr::tr("cannot read the file: %1").arg(file.errorString()), migration.tag);
        return;
    }
    migration.bytes = file.readAll();
    migration.hasSql = true;
    const NodeUtf8::Decoded decoded = NodeUtf8::decode(migration.bytes);
    migration.text = decoded.text;
    migration.hash = NodeUtf8::sha256Hex(migration.bytes);

    if (!decoded.isValid()) {
        // Everything before the first bad byte is valid, so its offset is the same in the text.
        const TextPosition at = StatementSplitter::positionAtByte(decoded.text, decoded.firstInvalidByte);
        report(Severity::Warning, Kind::InvalidUtf8, migration.sqlFile, at.line, at.column,
               Tr::tr("the file is not valid UTF-8 (%n bad sequence(s)): drizzle reads it with U+FFFD "
                      "in their place, and hashes and sends that text, not these bytes",
                      nullptr, decoded.invalidSequences),
               migration.tag);
    }
    if (migration.bytes.startsWith("\xEF\xBB\xBF")) {
        report(Severity::Warning, Kind::ByteOrderMark, migration.sqlFile, 1, 1,
               Tr::tr("the file starts with a UTF-8 byte order mark: drizzle keeps it in the hash and "
                      "sends it to PostgreSQL in front of the first statement"),
               migration.tag);
    }
    const qsizetype crlf = migration.bytes.indexOf("\r\n");
    if (crlf >= 0) {
        const TextPosition at = StatementSplitter::positionAtByte(decoded.text, crlf);
        report(Severity::Warning, Kind::CrlfLineEndings, migration.sqlFile, at.line, 0,
               Tr::tr("the file has CRLF line endings: drizzle hashes the bytes as they are, so its "
                      "hash differs from the same file with LF endings (a checkout that converts "
                      "line endings makes an applied migration look changed)"),
               migration.tag);
    }

    migration.script = StatementSplitter::split(migration.text);
    for (const SqlSyntaxError &error : migration.script.errors()) {
        report(Severity::Warning, Kind::SqlSyntax, migration.sqlFile, error.position.line, error.position.column,
               Tr::tr("PostgreSQL's parser rejects this: %1 (drizzle sends it anyway, and the "
                      "migration fails there)").arg(error.message),
               migration.tag);
    }
}

void MigrationFolder::checkSnapshots()
{
    const bool folders = m_layout == Layout::Folders;
    const bool noPrefix = !folders && m_detectedPrefix == MigrationNames::PrefixMode::None;
    QHash<QString, SnapshotLink> links;  // by relative file
    auto linkOf = [&](const QString &file) {
        auto it = links.find(file);
        if (it == links.end())
            it = links.insert(file, SnapshotLink::read(filePath(file)));
        return *it;
    };

    if (noPrefix && !m_migrations.isEmpty()) {
        // drizzle-kit writes every snapshot to meta/_snapshot.json in this mode, and never
        // reads it back (it skips names starting with "_"): only the newest one exists.
        for (int i = 0; i + 1 < m_migrations.size(); ++i)
            m_migrations[i].snapshotFile.clear();
        report(Severity::Note, Kind::SnapshotMissing, QStringLiteral("meta/_snapshot.json"), 0, 0,
               Tr::tr("with prefix mode \"none\" drizzle-kit overwrites meta/_snapshot.json on every "
                      "generate: only the newest migration has a snapshot"));
    }

    QSet<QString> owned;
    const Migration *previous = nullptr;
    for (Migration &migration : m_migrations) {
        if (migration.snapshotFile.isEmpty())
            continue;
        owned.insert(migration.snapshotFile);
        migration.snapshot = linkOf(migration.snapshotFile);
        const SnapshotLink &link = migration.snapshot;
        if (!link.exists) {
            const bool inJournal = !folders && migration.journalLine > 0;
            report(Severity::Warning, Kind::SnapshotMissing,
                   inJournal ? Journal::fileName() : migration.sqlFile, inJournal ? migration.journalLine : 0, 0,
                   Tr::tr("%1 has no snapshot %2: the schema after it is unknown to drizzle-kit "
                          "generate and to Strata's diff").arg(migration.tag, migration.snapshotFile),
                   migration.tag);
            continue;
        }
        if (!link.error.isEmpty()) {
            report(Severity::Warning, Kind::SnapshotMalformed, migration.snapshotFile, link.errorLine,
                   link.errorColumn, Tr::tr("the snapshot is %1").arg(link.error), migration.tag);
            continue;
        }
        if (previous && !link.prevIds.contains(previous->snapshot.id)) {
            QString owner;
            for (const Migration &other : std::as_const(m_migrations)) {
                if (other.snapshot.isReadable() && !link.prevIds.isEmpty()
                    && other.snapshot.id == link.prevIds.first() && &other != &migration)
                    owner = other.snapshotFile;
            }
            const QString parent = link.prevIds.isEmpty() ? QStringLiteral("(none)") : link.prevIds.join(QLatin1String(", "));
            const QString where = owner.isEmpty()
                                      ? Tr::tr("no snapshot of this folder has that id")
                                      : Tr::tr("that is the id of %1").arg(owner);
            report(Severity::Warning, Kind::SnapshotChainBroken, migration.snapshotFile, 0, 0,
                   Tr::tr("the snapshot chain breaks here: its %1 %2 is not the id of the previous "
                          "migration's snapshot %3 (%4); %5")
                       .arg(folders ? QStringLiteral("prevIds") : QStringLiteral("prevId"), parent,
                            previous->snapshotFile, previous->snapshot.id, where),
                   migration.tag);
        }
        previous = &migration;
    }

    // Every snapshot file, as drizzle-kit check reads them: in 0.x every meta/* not starting
    // with "_", in 1.0 every <folder>/snapshot.json.
    QStringList files;
    if (folders) {
        for (const Migration &migration : std::as_const(m_migrations))
            files.append(migration.snapshotFile);
    } else {
        const QDir meta(filePath(QStringLiteral("meta")));
        for (const QString &name : meta.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            if (!name.startsWith(QLatin1Char('_')))
                files.append(QLatin1String("meta/") + name);
        }
    }
    QMap<QString, QStringList> childrenOf;  // parent id -> files, in name order
    for (const QString &file : std::as_const(files)) {
        const SnapshotLink link = linkOf(file);
        if (!link.isReadable())
            continue;
        for (const QString &parent : link.prevIds) {
            if (!parent.isEmpty())
                childrenOf[parent].append(file);
        }
        if (!folders && !owned.contains(file)) {
            report(Severity::Note, Kind::SnapshotOrphan, file, 0, 0,
                   Tr::tr("no journal entry owns this snapshot (drizzle-kit generate still reads it "
                          "when it is the last file by name)"));
        }
    }
    for (auto it = childrenOf.cbegin(); it != childrenOf.cend(); ++it) {
        if (it->size() < 2)
            continue;
        if (folders) {
            report(Severity::Warning, Kind::SnapshotParentShared, it->first(), 0, 0,
                   Tr::tr("%1 have the same parent snapshot %2: two branches were merged, so check "
                          "that their migrations do not depend on each other's order")
                       .arg(it->join(QLatin1String(", ")), it.key()));
        } else {
            report(Severity::Error, Kind::SnapshotParentShared, it->first(), 0, 0,
                   Tr::tr("%1 have the same parent snapshot %2: drizzle-kit check calls this a "
                          "collision, and generate refuses to run until one of them is fixed")
                       .arg(it->join(QLatin1String(", ")), it.key()));
        }
    }
}

} // namespace strata
