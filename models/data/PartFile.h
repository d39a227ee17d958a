#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace strata {

// The file an export writes: "<path>.part" while it is written, renamed over <path> by
// commit(). Anything not committed is removed, so a failed or cancelled export leaves an
// existing <path> as it was and no partial file. Writes gather in a buffer of its own.
class PartFile
{
public:
    explicit PartFile(const QString &path);
    ~PartFile();  // discard() unless committed
    PartFile(const PartFile &) = delete;
    PartFile &operator=(const PartFile &) = delete;

    bool open();
    bool write(const char *data, qsizetype size);
    bool write(const QByteArray &bytes) { return write(bytes.constData(), bytes.size()); }
    // Flushes, closes and renames over the target (atomically: rename(2)).
    bool commit();
    void discard();

    qint64 bytesWritten() const { return m_bytes; }  // given to write(), buffered or not
    QString path() const { return m_path; }
    QString partPath() const { return m_file.fileName(); }
    // Why the last call failed, for people: "Could not write …: No space left on device".
    QString errorString() const { return m_error; }

private:
    bool flush();
    bool failed(const QString &message);

    QString m_path;
    QFile m_file;
    QByteArray m_buffer;
    qint64 m_bytes = 0;
    QString m_error;
    bool m_opened = false;     // by us: only then is the .part ours to remove
    bool m_committed = false;
};

} // namespace strata
