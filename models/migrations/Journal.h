#pragma once

#include "migrations/MigrationProblem.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace strata {

// One entry of meta/_journal.json.
struct JournalEntry {
    int idx = -1;         // -1 when missing or not a whole number
    QString version;      // the snapshot version at generation ("7")
    qint64 when = 0;      // milliseconds since the epoch: drizzle's created_at
    bool hasWhen = false;
    QString tag;          // the file name without ".sql"
    bool breakpoints = true;
    int line = 0;         // where the entry starts in the journal file; 0 for a new entry

    friend bool operator==(const JournalEntry &, const JournalEntry &) = default;
};

// meta/_journal.json of a drizzle-kit 0.x folder: read leniently, and written back the way
// drizzle-kit does (JSON.parse, push, JSON.stringify(x, null, 2)), so that the bytes match.
class Journal
{
public:
    static QString fileName();  // "meta/_journal.json", relative to the migrations folder

    // An empty PostgreSQL journal as drizzle-kit starts one: version "7", dialect "postgresql".
    Journal();

    // `problems` receives what is wrong in the file (malformed JSON with line and column,
    // unknown header, entries without a tag or a numeric `when`). Entries that can be read
    // are kept; a journal that is not a JSON object gives isValid() == false.
    static Journal parse(const QByteArray &json, QList<MigrationProblem> *problems = nullptr);

    bool isValid() const { return m_valid; }
    QString version() const { return m_version; }  // "7"; legacy folders say "5"
    QString dialect() const { return m_dialect; }  // "postgresql"; legacy folders say "pg"
    const QList<JournalEntry> &entries() const { return m_entries; }
    // What drizzle-kit generate gives the next entry: the last entry's idx + 1, or 0.
    int nextIdx() const;

    // `entry` appended as drizzle-kit appends it ({idx, version, when, tag, breakpoints});
    // everything already there stays as read, key order and unknown keys included.
    Journal withEntry(const JournalEntry &entry) const;
    // JSON.stringify(journal, null, 2): 2-space indent, no trailing newline.
    QByteArray toJson() const;

private:
    struct Document;
    std::shared_ptr<const Document> m_document;
    bool m_valid = true;
    QString m_version;
    QString m_dialect;
    QList<JournalEntry> m_entries;
};

} // namespace strata
