#pragma once

#include "schema/ChangeSet.h"

#include <QString>
#include <QStringList>

namespace strata {

// A change set in words, for the comment at the top of a migration Strata writes: what a
// reviewer should know before reading the SQL, such as `creates table "posts"` or
// `drops column "users"."legacy" (data loss)`.
class ChangeSummary
{
public:
    // One phrase per change, in order; names in public are left unqualified.
    static QStringList phrases(const ChangeSet &changes);
    // The phrases as "-- " comment lines of at most about `width` characters, the first
    // `maxPhrases` of them and then how many more there are.
    static QStringList commentLines(const ChangeSet &changes, int width = 100, int maxPhrases = 40);
};

} // namespace strata
