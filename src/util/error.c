#include <stdarg.h>
#include <stdio.h>

#include "dialdiff/error.h"
#include "dialdiff/text.h"

void dd_error_clear(dd_error *err)
{
	if (!err)
		return;
	err->code = 0;
	err->file[0] = '\0';
	err->line = err->column = 0;
	err->message[0] = '\0';
}

int dd_error_set(dd_error *err, int code, const char *file, int line,
		 int column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	dd_text_vformat(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

int dd_error_oom(dd_error *err)
{
	return dd_error_set(err, DD_ENOMEM, NULL, 0, 0, "out of memory");
}

void dd_error_format(char *buf, size_t size, const dd_error *err)
{
	if (!size)
		return;
	if (!err->file[0])
		snprintf(buf, size, "%s", err->message);
	else if (err->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s", err->file, err->line,
			 err->column > 0 ? err->column : 1, err->message);
	else
		snprintf(buf, size, "%s: %s", err->file, err->message);
}
