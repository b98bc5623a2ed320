/* ctype.h - character classes of the CMS guest's C library.
 *
 * The guest keeps text in ASCII (it translates to EBCDIC only at the
 * console and disk boundary), so these are the "C" locale classes of the
 * standard library: bytes above 127 belong to no class.  Arguments are
 * an unsigned char value or -1, as for <ctype.h>. */
#ifndef CMS_LIB_CTYPE_H
#define CMS_LIB_CTYPE_H

int cms_isdigit(int c);
int cms_isxdigit(int c);
int cms_isalpha(int c);
int cms_isalnum(int c);
int cms_isupper(int c);
int cms_islower(int c);
int cms_isspace(int c);     /* blank, \t \n \v \f \r */
int cms_isprint(int c);
int cms_ispunct(int c);
int cms_toupper(int c);
int cms_tolower(int c);

#endif
