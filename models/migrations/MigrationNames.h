#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

// How drizzle-kit names a migration's files: the tag's prefix (`migrations.prefix` in
// drizzle.config), the random `<adjective>_<hero>` suffix, and the 1.0 folder timestamps.
class MigrationNames
{
public:
    enum class PrefixMode {
        Index,      // "0007": the journal idx, 4 digits (drizzle-kit's default)
        Timestamp,  // "20250608175448": UTC YYYYMMDDHHMMSS ("supabase" is the same)
        Unix,       // "1749405288": seconds since the epoch
        None,       // "": tags start with "_", and every snapshot is meta/_snapshot.json
    };

    // "index", "timestamp", "supabase", "unix", "none"; nothing for anything else.
    static std::optional<PrefixMode> parsePrefixMode(const QString &name);
    static QString prefixModeName(PrefixMode mode);
    // The mode all `tags` agree on; nothing when they are empty or mixed.
    static std::optional<PrefixMode> detectPrefixMode(const QStringList &tags);

    // drizzle-kit's prepareMigrationMetadata: the prefix for the `idx`-th migration made at `whenMs`.
    static QString prefix(PrefixMode mode, int idx, qint64 whenMs);
    // The part of a tag before its first '_' (what names `meta/<prefix>_snapshot.json`);
    // the whole tag when it has no '_'.
    static QString prefixOf(const QString &tag);
    // drizzle-kit's `${adjectives.random()}_${heroes.random()}`.
    static QString randomSuffix();
    static const QStringList &adjectives();  // drizzle-kit's src/utils/words.ts, as shipped
    static const QStringList &heroes();

    // 1.0 layout: the UTC "YYYYMMDDHHMMSS" that starts a migration folder's name.
    static QString folderTimestamp(qint64 whenMs);
    // drizzle-orm 1.0's formatToMillis on the first 14 characters; nothing when they are not
    // a valid timestamp (drizzle would store NaN).
    static std::optional<qint64> folderMillis(const QString &folderName);
};

} // namespace strata
