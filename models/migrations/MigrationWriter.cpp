#include "MigrationWriter.h"

#include "Journal.h"
#include "MigrationFolder.h"
#include "SnapshotLink.h"
#include "Tr.h"
#include "text/StatementSplitter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata {

namespace {

// A temporary file next to `path`, written in full, flushed to disk, then renamed over
// `path`. Not QSaveFile: Qt 6.4 commits a file whose write stopped short (EFBIG after a
// partial write is taken as success), and a truncated journal must never replace the real one.
// The temporary name starts with "_" so that drizzle-kit, which lists meta/* but skips
// names starting with "_", never takes it for a snapshot.
bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    const QFileInfo target(path);
    QByteArray temporary = QFile::encodeName(target.absolutePath() + QLatin1String("/_")
                                             + target.fileName() + QLatin1String(".strata-XXXXXX"));
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        *error = Tr::tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    auto failed = [&](int code) {
        ::close(fd);
        ::unlink(temporary.constData());
        *error = Tr::tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    };
    // mkstemp makes the file private; migrations are as readable as anything else in a repository.
    struct stat existing;
    const mode_t mode = ::stat(QFile::encodeName(path).constData(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0)
        return failed(errno);
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, std::size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return failed(errno);
        }
        if (written == 0)
            return failed(EIO);
        data += written;
        left -= written;
    }
    if (::fsync(fd) != 0)
        return failed(errno);
    if (::close(fd) != 0) {
        const int code = errno;
        ::unlink(temporary.constData());
        *error = Tr::tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    if (::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        const int code = errno;
        ::unlink(temporary.constData());
        *error = Tr::tr("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    // The rename itself reaches the disk with the folder's own fsync.
    const int folder = ::open(QFile::encodeName(target.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return true;
}

bool validName(const QString &name, QString *error)
{
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.unicode() < 0x20) {
            *error = Tr::tr("a migration name cannot contain \"/\", \"\\\" or control characters: %1").arg(name);
            return false;
        }
    }
    return true;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString MigrationWriter::sqlText(const QStringList &statements, bool breakpoints)
{
    return statements.join(breakpoints ? StatementSplitter::breakpointMarker() + QLatin1Char('\n')
                                       : QStringLiteral("\n"));
}

QString MigrationWriter::downFileOf(const QString &tag, bool folderLayout)
{
    return folderLayout ? tag + QLatin1String("/down.sql") : tag + QLatin1String(".down.sql");
}

bool MigrationWriter::write(const MigrationFolder &folder, const NewMigration &migration,
                            WrittenMigration *written, QString *error)
{
    QString why;
    if (!validName(migration.name, &why))
        return fail(error, why);
    qint64 when = migration.when;
    if (when == 0) {
        // A clock behind the newest entry (a colleague's, a CI runner's) must not make a
        // migration that drizzle's migrator skips on every database that has the newer one.
        when = QDateTime::currentMSecsSinceEpoch();
        for (const Migration &existing : folder.migrations())
            when = std::max(when, existing.when + 1);
    }
    const QString suffix = migration.name.isEmpty() ? MigrationNames::randomSuffix() : migration.name;
    const QByteArray sql = (migration.header + sqlText(migration.statements, migration.breakpoints)).toUtf8();
    const QByteArray down = migration.downSql.toUtf8();
    const QDir dir(folder.absolutePath());
    WrittenMigration result;
    result.when = when;

    if (folder.layout() == MigrationFolder::Layout::Folders) {
        // drizzle-kit 1.0: <YYYYMMDDHHMMSS>_<name>/snapshot.json, then migration.sql, which is
        // what makes the folder a migration for drizzle's migrator. The timestamp is all UTC;
        // drizzle-kit takes the year from local time (getFullYear), which only differs around
        // New Year and would make the name disagree with drizzle's own formatToMillis.
        result.tag = MigrationNames::folderTimestamp(when) + QLatin1Char('_') + suffix;
        result.idx = int(folder.migrations().size());
        result.sqlFile = result.tag + QLatin1String("/migration.sql");
        result.snapshotFile = result.tag + QLatin1String("/snapshot.json");
        if (!down.isEmpty())
            result.downFile = downFileOf(result.tag, true);
        if (QFileInfo::exists(dir.filePath(result.tag)))
            return fail(error, Tr::tr("%1 already exists").arg(dir.filePath(result.tag)));
        if (!dir.mkdir(result.tag))
            return fail(error, Tr::tr("cannot create the folder %1").arg(dir.filePath(result.tag)));
        if (!writeAtomically(dir.filePath(result.snapshotFile), migration.snapshot, &why)
            || (!down.isEmpty() && !writeAtomically(dir.filePath(result.downFile), down, &why))
            || !writeAtomically(dir.filePath(result.sqlFile), sql, &why)) {
            QDir(dir.filePath(result.tag)).removeRecursively();
            return fail(error, why);
        }
        if (written)
            *written = result;
        return true;
    }

    if (folder.layout() == MigrationFolder::Layout::Missing && !dir.mkpath(QStringLiteral(".")))
        return fail(error, Tr::tr("cannot create the folder %1").arg(dir.absolutePath()));
    if (!dir.mkpath(QStringLiteral("meta")))
        return fail(error, Tr::tr("cannot create the folder %1").arg(dir.filePath(QStringLiteral("meta"))));

    // The journal as it is now, not as it was when `folder` was read.
    Journal journal;
    const QString journalPath = dir.filePath(Journal::fileName());
    if (QFileInfo::exists(journalPath)) {
        QFile file(journalPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(error, Tr::tr("cannot read %1: %2").arg(journalPath, file.errorString()));
        QList<MigrationProblem> problems;
        journal = Journal::parse(file.readAll(), &problems);
        if (!journal.isValid()) {
            const MigrationProblem first = problems.value(0);
            return fail(error, Tr::tr("the journal cannot be read, so it cannot be extended: %1")
                                   .arg(first.toString(folder.path())));
        }
    } else if (!folder.migrations().isEmpty() || !dir.entryList({QStringLiteral("*.sql")}, QDir::Files).isEmpty()) {
        return fail(error, Tr::tr("%1 is missing: a new journal would drop the migrations already here")
                               .arg(journalPath));
    }
    if (!journal.entries().isEmpty() && journal.entries().last().idx < 0)
        return fail(error, Tr::tr("the last journal entry has no idx to count on from"));

    const MigrationNames::PrefixMode mode = migration.prefixMode.value_or(folder.prefixMode());
    result.idx = journal.nextIdx();
    const QString prefix = MigrationNames::prefix(mode, result.idx, when);
    result.tag = prefix + QLatin1Char('_') + suffix;
    result.sqlFile = result.tag + QLatin1String(".sql");
    result.snapshotFile = QLatin1String("meta/") + prefix + QLatin1String("_snapshot.json");
    for (const JournalEntry &entry : journal.entries()) {
        if (entry.tag == result.tag)
            return fail(error, Tr::tr("the journal already has a migration %1").arg(result.tag));
    }
    if (!down.isEmpty())
        result.downFile = downFileOf(result.tag, false);
    const QString sqlPath = dir.filePath(result.sqlFile);
    const QString snapshotPath = dir.filePath(result.snapshotFile);
    const QString downPath = result.downFile.isEmpty() ? QString() : dir.filePath(result.downFile);
    if (QFileInfo::exists(sqlPath))
        return fail(error, Tr::tr("%1 already exists").arg(sqlPath));
    if (!downPath.isEmpty() && QFileInfo::exists(downPath))
        return fail(error, Tr::tr("%1 already exists").arg(downPath));
    // With prefix "none" drizzle-kit overwrites meta/_snapshot.json every time; any other
    // existing snapshot belongs to another migration.
    QByteArray oldSnapshot;
    const bool replacesSnapshot = QFileInfo::exists(snapshotPath);
    if (replacesSnapshot) {
        QFile old(snapshotPath);
        if (mode != MigrationNames::PrefixMode::None || !old.open(QIODevice::ReadOnly))
            return fail(error, Tr::tr("%1 already exists").arg(snapshotPath));
        oldSnapshot = old.readAll();
    }

    JournalEntry entry;
    entry.idx = result.idx;
    entry.version = SnapshotLink::parse(migration.snapshot).version;
    entry.when = when;
    entry.tag = result.tag;
    entry.breakpoints = migration.breakpoints;
    const QByteArray journalBytes = journal.withEntry(entry).toJson();

    // SQL and snapshot first, the journal last: a crash in between leaves files that no
    // entry names (check reports them), never an entry without its file.
    const auto removeWritten = [&] {
        QFile::remove(sqlPath);
        if (!downPath.isEmpty())
            QFile::remove(downPath);
    };
    if (!writeAtomically(sqlPath, sql, &why))
        return fail(error, why);
    if (!downPath.isEmpty() && !writeAtomically(downPath, down, &why)) {
        removeWritten();
        return fail(error, why);
    }
    if (!writeAtomically(snapshotPath, migration.snapshot, &why)) {
        removeWritten();
        return fail(error, why);
    }
    if (!writeAtomically(journalPath, journalBytes, &why)) {
        removeWritten();
        if (replacesSnapshot) {
            QString ignored;
            writeAtomically(snapshotPath, oldSnapshot, &ignored);
        } else {
            QFile::remove(snapshotPath);
        }
        return fail(error, why);
    }
    if (written)
        *written = result;
    return true;
}

} // namespace strata
