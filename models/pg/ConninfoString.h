#pragma once

#include "pg/ConnectionSpec.h"

#include <QString>

namespace strata {

// libpq's keyword/value connection strings ("host=h dbname='my db'"), read the way
// conninfo_parse reads them and printed with the quoting it reads back.
class ConninfoString
{
public:
    // Errors point at their column; an empty string is an empty spec.
    static ConnectionSpec parse(const QString &conninfo, SpecError *error = nullptr);
    static QString print(const ConnectionSpec &spec,
                         ConnectionSpec::Password password = ConnectionSpec::Password::Hide);
};

} // namespace strata
