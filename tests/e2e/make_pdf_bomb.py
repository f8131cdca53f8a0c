# make_pdf_bomb.py OUT MB — a one-page PDF whose content stream inflates to about MB megabytes (mostly spaces), packed with zlib level 9 (600 MB -> 0.6 MB). Used by test_bad_input.sh.
import sys, zlib
out, mb = sys.argv[1], int(sys.argv[2])
c = zlib.compressobj(9)
data = b""
chunk = b"BT /F1 12 Tf 72 712 Td (79 percent) Tj ET\n" + b" " * (1 << 20)
for _ in range(mb):
    data += c.compress(chunk)
data += c.flush()
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
pdf = b"%PDF-1.4\n"
offs = []
for i, o in enumerate(objs):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    pdf += b"%010d 00000 n \n" % o
pdf += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(out, "wb").write(pdf)
