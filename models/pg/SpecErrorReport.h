#pragma once

#include "pg/ConnectionSpec.h"

#include <QString>
#include <QStringView>

namespace strata {

// How the readers of connection specs (URL, keyword/value string, service file) fill in the
// SpecError a caller may pass, and count the column it points at.
class SpecErrorReport
{
public:
    // Sets *error, if the caller asked for one.
    static void set(SpecError *error, const QString &message, const QString &source, int line,
                    int column);
    // Clears *error, if the caller asked for one: a reader that succeeds says so.
    static void clear(SpecError *error);
    // 1-based column of text[index] counted in characters (code points), not UTF-16 units.
    static int columnAt(QStringView text, qsizetype index);
};

} // namespace strata
