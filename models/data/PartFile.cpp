#include "PartFile.h"

#include "Tr.h"

#include <QDir>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace strata {

namespace {

// Big enough that write(2) calls cost nothing next to the rows, small enough not to matter.
constexpr qsizetype bufferSize = 1 << 20;

} // namespace

PartFile::PartFile(const QString &path)
    : m_path(path)
    , m_file(path + QStringLiteral(".part"))
{
}

PartFile::~PartFile()
{
    if (!m_committed)
        discard();
}

bool PartFile::open()
{
    // Unbuffered: this class buffers, and QFile's own buffer would copy every byte again.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return failed(Tr::tr("Could not create %1: %2").arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
    m_opened = true;
    m_buffer.reserve(bufferSize);
    return true;
}

bool PartFile::write(const char *data, qsizetype size)
{
    m_bytes += size;
    if (m_buffer.size() + size > bufferSize && !flush())
        return false;
    if (size >= bufferSize) {  // a huge value: straight through
        if (m_file.write(data, size) != size)
            return failed(Tr::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
        return true;
    }
    m_buffer.append(data, size);
    return true;
}

bool PartFile::flush()
{
    if (m_buffer.isEmpty())
        return true;
    const bool written = m_file.write(m_buffer) == m_buffer.size();
    m_buffer.resize(0);  // keeps the capacity
    if (!written)
        return failed(Tr::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
    return true;
}

bool PartFile::commit()
{
    if (!flush())
        return false;
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return failed(Tr::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(partPath()), m_file.errorString()));
    // QFile::rename refuses an existing target; rename(2) replaces it in one step, so a
    // reader sees either the old file or the whole new one.
    if (std::rename(QFile::encodeName(partPath()).constData(), QFile::encodeName(m_path).constData()) != 0)
        return failed(Tr::tr("Could not rename %1 to %2: %3")
                          .arg(QDir::toNativeSeparators(partPath()), QDir::toNativeSeparators(m_path),
                               QString::fromLocal8Bit(std::strerror(errno))));
    m_committed = true;
    return true;
}

void PartFile::discard()
{
    m_buffer.clear();
    if (m_file.isOpen())
        m_file.close();
    if (m_opened && m_file.exists())
        m_file.remove();
    m_opened = false;
}

bool PartFile::failed(const QString &message)
{
    m_error = message;
    return false;
}

} // namespace strata
