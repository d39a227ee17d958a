#pragma once

#include "schema/Column.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace strata {

// One statement that applies staged edits, with its values as parameters.
struct EditStatement {
    enum class Kind { Update, Insert, Delete };

    Kind kind = Kind::Update;
    QString sql;            // parameterised, no trailing ';'
    QStringList params;     // null QString = SQL NULL
    QStringList key;        // the row's key (empty for Insert)
    int insertIndex = -1;   // Insert: which inserted row
    // Update/Delete: 0 rows affected means the row changed or vanished since it was loaded:
    // a conflict. Always true for an Insert (which affects one row or fails).
    bool expectsOneRow = true;

    bool operator==(const EditStatement &) const = default;
};

// Pending changes to one table, and the exact SQL that applies them. A row is named by its
// primary-key values (text, in keyColumns() order); values are text as PostgreSQL prints
// them, and a null QString is SQL NULL, distinct from "".
class StagedEdits
{
public:
    StagedEdits() = default;
    StagedEdits(QString schema, QString table, QList<Column> columns, QStringList keyColumns);

    // `original` = the whole row as loaded (all columns, in column order); `xmin` as loaded,
    // "" when unknown: the WHERE then compares every loaded value instead. A value equal to
    // the original (NULL-ness included) stops being staged. Ignored for a deleted row.
    void setValue(const QStringList &key, int column, const QString &value, const QStringList &original,
                  const QString &xmin);
    void revertValue(const QStringList &key, int column);
    bool isChanged(const QStringList &key, int column) const;
    std::optional<QString> stagedValue(const QStringList &key, int column) const;
    // Keys of rows with staged updates, in the order they were first changed.
    QList<QStringList> changedRows() const;

    void deleteRow(const QStringList &key, const QStringList &original, const QString &xmin);  // drops its staged updates
    void undeleteRow(const QStringList &key);
    bool isDeleted(const QStringList &key) const;

    int insertRow();  // returns the new row's index among inserted rows; all its values start as DEFAULT
    void setInsertedValue(int insertIndex, int column, const QString &value);
    void resetInsertedValue(int insertIndex, int column);  // back to DEFAULT
    void removeInsertedRow(int insertIndex);               // later rows move up by one
    int insertedCount() const;
    std::optional<QString> insertedValue(int insertIndex, int column) const;  // nullopt = DEFAULT

    bool isEmpty() const;
    // Changed cells + deleted rows + inserted rows: what a person counts as changes.
    int changeCount() const;
    void clear();

    // Deletes, then updates, then inserts, each in the order staged. One UPDATE per row
    // setting only its changed columns; an INSERT lists only the columns set (DEFAULT VALUES
    // when none).
    QList<EditStatement> statements() const;
    // The statements as SQL a person reads: each one with ';', then its parameters as a
    // comment (-- $1 = 'O''Hara', $2 = NULL), statements separated by a blank line.
    QString reviewText() const;

    const QString &schema() const { return m_schema; }
    const QString &table() const { return m_table; }
    const QList<Column> &columns() const { return m_columns; }
    const QStringList &keyColumns() const { return m_keyColumns; }

private:
    struct LoadedRow {
        QStringList key;
        QStringList original;
        QString xmin;
    };
    struct UpdatedRow {
        LoadedRow row;
        std::map<int, QString> values;  // column index → new value, in column order
    };

    int updatedIndex(const QStringList &key) const;
    void removeUpdated(int index);
    // " WHERE …" naming one loaded row, appending its parameters.
    QString rowCondition(const LoadedRow &row, QStringList &params) const;
    QString qualifiedTable() const;

    QString m_schema;
    QString m_table;
    QList<Column> m_columns;
    QStringList m_keyColumns;
    QList<int> m_keyIndexes;  // index into m_columns of each key column, -1 if not found

    QList<UpdatedRow> m_updated;
    QHash<QStringList, int> m_updatedByKey;  // key → index into m_updated
    QList<LoadedRow> m_deleted;
    QHash<QStringList, int> m_deletedByKey;  // key → index into m_deleted
    QList<QList<std::optional<QString>>> m_inserted;
};

} // namespace strata
