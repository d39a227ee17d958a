#pragma once

// Folders for MigrationFolderTest, MigrationWriterTest, PlanTest, MigrationBatchTest and
// MigrationRunnerTest: journals and snapshots written exactly as drizzle-kit writes them.

#include "migrations/MigrationFolder.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace strata::test::folders {

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Entry {
    int idx;
    qint64 when;
    QString tag;
};

// A journal exactly as drizzle-kit writes it (JSON.stringify(x, null, 2)); entry i starts
// on line 5 + 7 * i.
inline QByteArray journalText(const QList<Entry> &entries, const QString &version = QStringLiteral("7"),
                       const QString &dialect = QStringLiteral("postgresql"))
{
    QString text = QStringLiteral("{\n  \"version\": \"%1\",\n  \"dialect\": \"%2\",\n  \"entries\": [").arg(version, dialect);
    for (int i = 0; i < entries.size(); ++i) {
        text += i == 0 ? QStringLiteral("\n") : QStringLiteral(",\n");
        text += QStringLiteral("    {\n      \"idx\": %1,\n      \"version\": \"7\",\n      \"when\": %2,\n"
                               "      \"tag\": \"%3\",\n      \"breakpoints\": true\n    }")
                    .arg(entries[i].idx)
                    .arg(entries[i].when)
                    .arg(entries[i].tag);
    }
    text += entries.isEmpty() ? QStringLiteral("]\n}") : QStringLiteral("\n  ]\n}");
    return text.toUtf8();
}

inline QByteArray snapshotText(const QString &id, const QString &prevId)
{
    return QStringLiteral("{\n  \"id\": \"%1\",\n  \"prevId\": \"%2\",\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n"
                          "  \"tables\": {},\n  \"enums\": {},\n  \"schemas\": {},\n  \"sequences\": {},\n  \"roles\": {},\n"
                          "  \"policies\": {},\n  \"views\": {},\n  \"_meta\": {\n    \"columns\": {},\n    \"schemas\": {},\n"
                          "    \"tables\": {}\n  }\n}")
        .arg(id, prevId)
        .toUtf8();
}

inline const QString origin = QStringLiteral("00000000-0000-0000-0000-000000000000");

inline const QList<Entry> baseEntries = {
    {0, 1795505280330, QStringLiteral("0000_a")},
    {1, 1795505287073, QStringLiteral("0001_b")},
    {2, 1795505290000, QStringLiteral("0002_c")},
};

// A clean 0.x folder: three migrations in the three historic SQL styles, a snapshot chain.
inline void writeBaseFolder(const QString &dir)
{
    writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(baseEntries));
    writeFile(dir + QStringLiteral("/0000_a.sql"),
              "DO $$ BEGIN\n CREATE TYPE \"public\".\"role\" AS ENUM('a', 'b');\nEXCEPTION\n WHEN duplicate_object THEN null;\n"
              "END $$;\n--> statement-breakpoint\nCREATE TABLE IF NOT EXISTS \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n"
              "\t\"role\" \"role\" DEFAULT 'a' NOT NULL\n);\n");
    writeFile(dir + QStringLiteral("/0001_b.sql"),
              "CREATE TABLE \"posts\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"user_id\" integer NOT NULL\n);\n"
              "--> statement-breakpoint\nDO $$ BEGIN\n ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_user_id_users_id_fk\" "
              "FOREIGN KEY (\"user_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE cascade ON UPDATE no action;\n"
              "EXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n");
    writeFile(dir + QStringLiteral("/0002_c.sql"),
              "ALTER TABLE \"posts\" ADD COLUMN \"title\" text;--> statement-breakpoint\n"
              "CREATE INDEX \"idx_posts_user_id\" ON \"posts\" USING btree (\"user_id\");");
    writeFile(dir + QStringLiteral("/meta/0000_snapshot.json"), snapshotText(QStringLiteral("id-0"), origin));
    writeFile(dir + QStringLiteral("/meta/0001_snapshot.json"), snapshotText(QStringLiteral("id-1"), QStringLiteral("id-0")));
    writeFile(dir + QStringLiteral("/meta/0002_snapshot.json"), snapshotText(QStringLiteral("id-2"), QStringLiteral("id-1")));
}

// One migration of a folder that writeJournalFolder() writes.
struct SqlFile {
    QString tag;
    qint64 when;
    QByteArray sql;
    QByteArray down;  // written as <tag>.down.sql when not null
};

// A 0.x folder of these migrations, in this journal order: the journal, each SQL file (and
// its down file), and a snapshot chain of empty schemas ("id-<i>").
inline void writeJournalFolder(const QString &dir, const QList<SqlFile> &files)
{
    QList<Entry> entries;
    for (int i = 0; i < files.size(); ++i) {
        const SqlFile &file = files.at(i);
        entries.append({i, file.when, file.tag});
        writeFile(dir + QLatin1Char('/') + file.tag + QStringLiteral(".sql"), file.sql);
        if (!file.down.isNull())
            writeFile(dir + QLatin1Char('/') + file.tag + QStringLiteral(".down.sql"), file.down);
        writeFile(dir + QStringLiteral("/meta/%1_snapshot.json").arg(file.tag.left(4)),
                  snapshotText(QStringLiteral("id-%1").arg(i), i == 0 ? origin : QStringLiteral("id-%1").arg(i - 1)));
    }
    writeFile(dir + QStringLiteral("/meta/_journal.json"), journalText(entries));
}

// A folder written by writeJournalFolder() and read back, in a directory that lives until the
// next write (or the fixture's end): the MigrationFolder refers to its files.
class ScratchJournalFolder
{
public:
    MigrationFolder write(const QList<SqlFile> &files)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        writeJournalFolder(m_dir->path(), files);
        return MigrationFolder::read(m_dir->path());
    }
    void clear() { m_dir.reset(); }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

// drizzle's hash of a file: lower-case hex SHA-256.
inline QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

inline QString dump(const MigrationFolder &folder)
{
    QStringList lines;
    for (const MigrationProblem &p : folder.problems())
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace strata::test::folders
