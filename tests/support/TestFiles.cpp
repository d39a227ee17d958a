#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace strata::test {

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

QByteArray typicalDrizzleConfig()
{
    return R"(import 'dotenv/config';
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  out: './server/db/migrations',
  schema: './server/db/schema.ts',
  dialect: 'postgresql',
  dbCredentials: {
    url: process.env.DATABASE_URL!,
  },
});
)";
}

// QT_TESTCASE_SOURCEDIR is this library's folder, tests/support.
QString sharedTestData(const QString &relative)
{
    const QString besideSource = QDir::cleanPath(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../../shared/testdata/") + relative);
    if (QFileInfo::exists(besideSource))
        return besideSource;
    return QDir::cleanPath(QStringLiteral("/work/shared/testdata/") + relative);
}

} // namespace strata::test
