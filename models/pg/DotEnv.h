#pragma once

#include "pg/ConnectionSpec.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

// The variables of a `.env` file, read exactly as the npm `dotenv` package (which
// drizzle-kit bundles) reads them; lines dotenv would skip become warnings.
class DotEnv
{
public:
    DotEnv() = default;

    // `source` names the text in warnings, usually the file's path.
    static DotEnv parse(const QString &text, const QString &source = {});
    // A missing file is an empty DotEnv; `error` is set only when the file exists but cannot
    // be read.
    static DotEnv read(const QString &filePath, SpecError *error = nullptr);

    bool isEmpty() const { return m_entries.isEmpty(); }
    bool contains(const QString &name) const;
    QString value(const QString &name) const;  // empty when not defined
    QStringList names() const;                 // in the order they were first defined
    int line(const QString &name) const;  // 1-based line of the definition that counts, 0 if none
    QString source() const { return m_source; }
    // Lines dotenv skips or reads differently from how they look, with line, column, reason.
    QList<SpecError> warnings() const { return m_warnings; }

private:
    struct Entry {
        QString name;
        QString value;
        int line = 0;
    };
    const Entry *find(const QString &name) const;

    QString m_source;
    QList<Entry> m_entries;
    QList<SpecError> m_warnings;
};

} // namespace strata
