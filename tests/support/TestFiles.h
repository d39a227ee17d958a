#pragma once

#include <QByteArray>
#include <QString>

namespace strata::test {

// Writes `content` to `path` (its folders made as needed), replacing what was there; false
// when it could not.
bool writeFile(const QString &path, const QByteArray &content);

// A drizzle.config.ts the way `drizzle-kit init` and the guides write it: defineConfig,
// dialect postgresql, and dbCredentials.url from process.env.DATABASE_URL.
QByteArray typicalDrizzleConfig();

// A folder of the test data shared beside the repository (../shared/testdata/<relative>, as
// seen from the sources), else under /work/shared/testdata; check that it exists.
QString sharedTestData(const QString &relative);

} // namespace strata::test
