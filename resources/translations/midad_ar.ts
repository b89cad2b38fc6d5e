<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>Midad</name>
    <message>
      <source>this text would end the front matter early (a `---` line inside?); nothing changed</source>
      <translation>هذا النص يُنهي البيانات الوصفية قبل أوانها (سطر «---» في داخلها؟)؛ لم يتغير شيء</translation>
    </message>
    <message>
      <source>{name} is a link to {target}, outside its folder: it is opened read-only</source>
      <translation>{name} رابط إلى {target} خارج مجلده: يُفتح للقراءة فقط</translation>
    </message>
    <message>
      <source>{name} is read-only: changes can only be saved under another name</source>
      <translation>{name} للقراءة فقط: لا تُحفظ التغييرات إلا باسم آخر</translation>
    </message>
    <message>
      <source>the folder of {name} is read-only: changes can only be saved elsewhere</source>
      <translation>مجلد {name} للقراءة فقط: لا تُحفظ التغييرات إلا في مكان آخر</translation>
    </message>
    <message>
      <source>{path} was saved but cannot be read back: {cause}</source>
      <translation>حُفظ {path} لكن تعذّرت قراءته من جديد: {cause}</translation>
    </message>
    <message>
      <source>{message}</source>
      <translation>{message}</translation>
    </message>
    <message>
      <source>line {line}: {message}</source>
      <translation>السطر {line}: {message}</translation>
    </message>
    <message>
      <source>front matter starts with `---` but is never closed</source>
      <translation>البيانات الوصفية تبدأ بـ «---» ولا تُغلق أبدًا</translation>
    </message>
    <message>
      <source>the front matter has errors; fix them in the text before editing fields</source>
      <translation>في البيانات الوصفية أخطاء؛ صحّحها في النص قبل تعديل الحقول</translation>
    </message>
    <message>
      <source>this article's front matter is JSON: Midad reads it but does not change it</source>
      <translation>البيانات الوصفية لهذا المقال بصيغة JSON: يقرؤها مداد ولا يغيّرها</translation>
    </message>
    <message>
      <source>`tags` holds more than a list of words; fix it in the text first</source>
      <translation>تحوي «tags» أكثر من قائمة كلمات؛ صحّحها في النص أولًا</translation>
    </message>
    <message>
      <source>`tags` is written as one string ({value}); a tag edit rewrites it as a list</source>
      <translation>الوسوم «tags» مكتوبة نصًّا واحدًا ({value})؛ تعديل الوسوم يعيد كتابتها قائمةً</translation>
    </message>
    <message>
      <source>cannot change `{key}` safely in this front matter; edit it in the text</source>
      <translation>تعذّر تغيير «{key}» بأمان في هذه البيانات الوصفية؛ عدّله في النص</translation>
    </message>
    <message>
      <source>`{key}` is written {count} times (lines {lines}); the last one counts</source>
      <translation>«{key}» مكتوب {count} مرات (الأسطر {lines})؛ المعتمد هو الأخير</translation>
    </message>
    <message>
      <source>`{key}` should be text</source>
      <translation>يجب أن يكون «{key}» نصًّا</translation>
    </message>
    <message>
      <source>unknown status `{status}` (use one of: {choices})</source>
      <translation>حالة غير معروفة «{status}» (استعمل إحدى: {choices})</translation>
    </message>
    <message>
      <source>draft, review, ready, published</source>
      <translation>مسودة (draft)، قيد المراجعة (review)، جاهزة (ready)، منشورة (published)</translation>
    </message>
    <message>
      <source>date `{date}` is not an ISO 8601 date (YYYY-MM-DD)</source>
      <translation>التاريخ «{date}» ليس بصيغة ISO 8601 (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>dir `{dir}` must be rtl or ltr</source>
      <translation>الاتجاه «{dir}» يجب أن يكون rtl أو ltr</translation>
    </message>
    <message>
      <source>`tags` is one string, read as {count} tag(s): {tags}; a tag edit rewrites it as a list</source>
      <translation>الوسوم «tags» نص واحد، قُرئ {count} وسمًا: {tags}؛ تعديل الوسوم يعيد كتابتها قائمةً</translation>
    </message>
    <message>
      <source>`tags` should be a list of words</source>
      <translation>يجب أن تكون «tags» قائمة كلمات</translation>
    </message>
    <message>
      <source>`tags` should hold only words, not nested lists or maps</source>
      <translation>يجب أن تضم «tags» كلمات فقط، لا قوائم أو خرائط متداخلة</translation>
    </message>
    <message>
      <source>invalid TOML: {problem}</source>
      <translation>صيغة TOML غير صالحة: {problem}</translation>
    </message>
    <message>
      <source>invalid TOML: nested too deeply</source>
      <translation>صيغة TOML غير صالحة: تداخل عميق جدًّا</translation>
    </message>
    <message>
      <source>invalid JSON: {problem}</source>
      <translation>صيغة JSON غير صالحة: {problem}</translation>
    </message>
    <message>
      <source>invalid JSON: nested too deeply</source>
      <translation>صيغة JSON غير صالحة: تداخل عميق جدًّا</translation>
    </message>
    <message>
      <source>front matter must be a set of `key: value` lines</source>
      <translation>يجب أن تكون البيانات الوصفية أسطرًا بصيغة «key: value»</translation>
    </message>
    <message>
      <source>`{key}` is written over several lines in this TOML front matter; edit it in the text</source>
      <translation>الحقل «{key}» مكتوب على عدة أسطر في بيانات TOML الوصفية؛ عدّله في النص</translation>
    </message>
    <message>
      <source>YAML aliases (*name) are not allowed in front matter</source>
      <translation>الأسماء المستعارة في YAML ‏(*name) غير مسموح بها في البيانات الوصفية</translation>
    </message>
    <message>
      <source>a list in square brackets [ ] is not closed</source>
      <translation>قائمة بين معقوفين [ ] لم تُغلق</translation>
    </message>
    <message>
      <source>a group in curly brackets is not closed</source>
      <translation>مجموعة بين قوسين معقوصين لم تُغلق</translation>
    </message>
    <message>
      <source>a quotation mark is opened but never closed</source>
      <translation>علامة تنصيص فُتحت ولم تُغلق</translation>
    </message>
    <message>
      <source>a colon (:) where a value was expected: put the value in quotes</source>
      <translation>نقطتان (:) في موضع قيمة: ضع القيمة بين علامتي تنصيص</translation>
    </message>
    <message>
      <source>a character that cannot start a value (a tab, @ or `): use spaces or quotes</source>
      <translation>حرف لا تبدأ به قيمة (جدولة أو @ أو `): استعمل المسافات أو علامتي تنصيص</translation>
    </message>
    <message>
      <source>a line is missing its colon (write name: value)</source>
      <translation>سطر ينقصه النقطتان (اكتب: الاسم: القيمة)</translation>
    </message>
    <message>
      <source>a backslash inside double quotes: use single quotes instead</source>
      <translation>شرطة مائلة عكسية داخل علامتي تنصيص مزدوجتين: استعمل علامتي تنصيص مفردتين</translation>
    </message>
    <message>
      <source>this line is not indented like the lines above it</source>
      <translation>إزاحة هذا السطر لا تطابق الأسطر التي فوقه</translation>
    </message>
    <message>
      <source>this line is not indented like the list above it</source>
      <translation>إزاحة هذا السطر لا تطابق القائمة التي فوقه</translation>
    </message>
    <message>
      <source>an anchor or alias (&amp; or *) without a name: put the value in quotes</source>
      <translation>مرساة أو إحالة (&amp; أو *) بلا اسم: ضع القيمة بين علامتي تنصيص</translation>
    </message>
    <message>
      <source>the same anchor (&amp;name) twice</source>
      <translation>المرساة نفسها (&amp;name) مرتين</translation>
    </message>
    <message>
      <source>this line cannot be read as name: value</source>
      <translation>تعذّرت قراءة هذا السطر بصيغة الاسم: القيمة</translation>
    </message>
    <message>
      <source>the front matter cannot be read: {problem}</source>
      <translation>تعذّرت قراءة البيانات الوصفية: {problem}</translation>
    </message>
    <message>
      <source>the front matter cannot be read: it is nested too deeply</source>
      <translation>تعذّرت قراءة البيانات الوصفية: تداخلها عميق جدًّا</translation>
    </message>
    <message>
      <source>a value in the front matter cannot be read: check dates and numbers</source>
      <translation>تعذّرت قراءة قيمة في البيانات الوصفية: راجع التواريخ والأرقام</translation>
    </message>
    <message>
      <source>{name} starts like UTF-8 but holds invalid bytes</source>
      <translation>{name} يبدأ بترميز UTF-8 لكنه يحوي بايتات غير صالحة</translation>
    </message>
    <message>
      <source>{name} is not valid UTF-16 text</source>
      <translation>{name} ليس نصًّا صالحًا بترميز UTF-16</translation>
    </message>
    <message>
      <source>{name} is a binary file, not a text article</source>
      <translation>{name} ملف ثنائي، وليس مقالًا نصيًّا</translation>
    </message>
    <message>
      <source>{name} is not UTF-8: it was read as {encoding}. Nothing is changed on disk until you save; saving writes UTF-8.</source>
      <translation>{name} ليس بترميز UTF-8: قُرئ بترميز {encoding}. لا يتغير شيء على القرص حتى تحفظ؛ والحفظ يكتب UTF-8.</translation>
    </message>
    <message>
      <source>a folder</source>
      <translation>مجلد</translation>
    </message>
    <message>
      <source>a FIFO (named pipe)</source>
      <translation>أنبوب مسمّى (FIFO)</translation>
    </message>
    <message>
      <source>a device</source>
      <translation>جهاز</translation>
    </message>
    <message>
      <source>a socket</source>
      <translation>مقبس</translation>
    </message>
    <message>
      <source>not a regular file</source>
      <translation>ليس ملفًّا عاديًّا</translation>
    </message>
    <message>
      <source>{path} is {kind}, not a file Midad can open</source>
      <translation>{path} هو {kind}، وليس ملفًّا يستطيع مداد فتحه</translation>
    </message>
    <message>
      <source>{path} is too large to open ({size} MB; the limit is {limit} MB)</source>
      <translation>{path} أكبر من أن يُفتح ({size} م.ب؛ الحد {limit} م.ب)</translation>
    </message>
    <message>
      <source>{path} grew past the size limit ({limit} MB) while it was read</source>
      <translation>تجاوز {path} حدّ الحجم ({limit} م.ب) أثناء قراءته</translation>
    </message>
    <message>
      <source>{path} is a folder, not a file</source>
      <translation>{path} مجلد وليس ملفًّا</translation>
    </message>
    <message>
      <source>{path} does not exist</source>
      <translation>{path} غير موجود</translation>
    </message>
    <message>
      <source>{path} cannot be read: permission denied</source>
      <translation>تعذّرت قراءة {path}: الإذن مرفوض</translation>
    </message>
    <message>
      <source>{path} cannot be read: {cause}</source>
      <translation>تعذّرت قراءة {path}: {cause}</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>القرص ممتلئ</translation>
    </message>
    <message>
      <source>the disk quota is exceeded</source>
      <translation>تجاوزت الحصة المسموحة على القرص</translation>
    </message>
    <message>
      <source>permission denied</source>
      <translation>الإذن مرفوض</translation>
    </message>
    <message>
      <source>the file system is read-only</source>
      <translation>نظام الملفات للقراءة فقط</translation>
    </message>
    <message>
      <source>its folder does not exist any more</source>
      <translation>لم يعد مجلده موجودًا</translation>
    </message>
    <message>
      <source>the disk reported an input/output error</source>
      <translation>أبلغ القرص عن خطأ في القراءة أو الكتابة</translation>
    </message>
    <message>
      <source>cannot save {path}: it is a folder</source>
      <translation>تعذّر حفظ {path}: إنه مجلد</translation>
    </message>
    <message>
      <source>cannot save {path}: its folder does not exist any more</source>
      <translation>تعذّر حفظ {path}: لم يعد مجلده موجودًا</translation>
    </message>
    <message>
      <source>cannot save {path}: it is {kind}, not a regular file</source>
      <translation>تعذّر حفظ {path}: إنه {kind} وليس ملفًّا عاديًّا</translation>
    </message>
    <message>
      <source>cannot save {path}: the file is read-only</source>
      <translation>تعذّر حفظ {path}: الملف للقراءة فقط</translation>
    </message>
    <message>
      <source>cannot save {path}: the written copy did not read back the same</source>
      <translation>تعذّر حفظ {path}: النسخة المكتوبة لم تُقرأ مطابقة</translation>
    </message>
    <message>
      <source>cannot save {path}: another program changed the file on disk</source>
      <translation>تعذّر حفظ {path}: غيّر برنامج آخر الملف على القرص</translation>
    </message>
    <message>
      <source>cannot save {path}: the saved file did not read back the same</source>
      <translation>تعذّر حفظ {path}: لم يُقرأ الملف المحفوظ كما كُتب</translation>
    </message>
    <message>
      <source>cannot save {path}: another Midad process is saving in its folder</source>
      <translation>تعذّر حفظ {path}: عملية أخرى من مِداد تحفظ في مجلده</translation>
    </message>
    <message>
      <source>cannot save {path}: {cause}</source>
      <translation>تعذّر حفظ {path}: {cause}</translation>
    </message>
    <message>
      <source>the HTML is too large to convert</source>
      <translation>شيفرة HTML أكبر من أن تُحوَّل</translation>
    </message>
    <message>
      <source>the HTML is nested too deeply to convert</source>
      <translation>شيفرة HTML متداخلة بعمق لا يسمح بتحويلها</translation>
    </message>
    <message>
      <source>{path} is too large to import ({size}; the limit is {limit})</source>
      <translation>الملف {path} أكبر من أن يُستورد ({size}؛ الحد الأقصى {limit})</translation>
    </message>
    <message>
      <source>{path} is too large to import</source>
      <translation>الملف {path} أكبر من أن يُستورد</translation>
    </message>
    <message>
      <source>{path} is empty: there is nothing to import</source>
      <translation>الملف {path} فارغ: لا شيء لاستيراده</translation>
    </message>
    <message>
      <source>the text has no headline line: the title was taken from its first sentence</source>
      <translation>لا يحوي النص سطر عنوان: أُخذ العنوان من جملته الأولى</translation>
    </message>
    <message>
      <source>{name} unpacks to too much data to import</source>
      <translation>يتفكك الملف {name} إلى بيانات أكبر من أن تُستورد</translation>
    </message>
    <message>
      <source>{name} is not a Word (.docx) document</source>
      <translation>الملف {name} ليس مستند Word ‏(.docx)</translation>
    </message>
    <message>
      <source>{name} is not a readable Word (.docx) document</source>
      <translation>الملف {name} ليس مستند Word ‏(.docx) قابلًا للقراءة</translation>
    </message>
    <message>
      <source>{name} cannot be imported: {cause}</source>
      <translation>تعذّر استيراد {name}: {cause}</translation>
    </message>
    <message>
      <source>Doubled space</source>
      <translation>مسافة مضاعفة</translation>
    </message>
    <message>
      <source>Odd space character ({name}) pasted from the web</source>
      <translation>مسافة غريبة ({name}) منسوخة من الويب</translation>
    </message>
    <message>
      <source>Tatweel (ـ) stretching a word</source>
      <translation>تطويل (ـ) يمدّ الكلمة</translation>
    </message>
    <message>
      <source>Direction override ({name}) can disguise text: remove it</source>
      <translation>فرض الاتجاه ({name}) قد يخفي النص: احذفه</translation>
    </message>
    <message>
      <source>Invisible character ({name})</source>
      <translation>حرف غير مرئي ({name})</translation>
    </message>
    <message>
      <source>Persian letter “{letter}” in Arabic text</source>
      <translation>حرف فارسي «{letter}» في نص عربي</translation>
    </message>
    <message>
      <source>Arabic presentation forms (pasted from a PDF)</source>
      <translation>أشكال عرض عربية (منسوخة من ملف PDF)</translation>
    </message>
    <message>
      <source>Inverted quotation mark {mark}: house style is {wanted}</source>
      <translation>علامة تنصيص مقلوبة {mark}: أسلوب الدار {wanted}</translation>
    </message>
    <message>
      <source>Quotation mark {mark}: house style is {wanted}</source>
      <translation>علامة التنصيص {mark}: أسلوب الدار {wanted}</translation>
    </message>
    <message>
      <source>Unbalanced quotation mark {mark}</source>
      <translation>علامة تنصيص غير متوازنة {mark}</translation>
    </message>
    <message>
      <source>Reversed brackets {pair}</source>
      <translation>قوسان مقلوبان {pair}</translation>
    </message>
    <message>
      <source>Dateline: use {dash} with a space on each side</source>
      <translation>سطر المكان: استعمل {dash} بمسافة من كل جانب</translation>
    </message>
    <message>
      <source>Eastern Arabic digits: house style is Western digits (0-9)</source>
      <translation>أرقام مشرقية: أسلوب الدار الأرقام العربية الغربية (0-9)</translation>
    </message>
    <message>
      <source>Western digits: house style is Arabic-Indic digits (٠-٩)</source>
      <translation>أرقام غربية: أسلوب الدار الأرقام المشرقية (٠-٩)</translation>
    </message>
    <message>
      <source>Persian digits: house style is Arabic-Indic digits (٠-٩)</source>
      <translation>أرقام فارسية: أسلوب الدار الأرقام المشرقية (٠-٩)</translation>
    </message>
    <message>
      <source>Two digit systems in one article</source>
      <translation>نظاما أرقام في مقال واحد</translation>
    </message>
    <message>
      <source>“{run}” shows reversed as “{shown}” in right-to-left text</source>
      <translation>«{run}» يظهر مقلوبا «{shown}» في النص من اليمين إلى اليسار</translation>
    </message>
    <message>
      <source>No space after {mark}</source>
      <translation>لا مسافة بعد {mark}</translation>
    </message>
    <message>
      <source>Space before {mark}</source>
      <translation>مسافة قبل {mark}</translation>
    </message>
    <message>
      <source>Latin {mark} between Arabic words: use {arabic}</source>
      <translation>علامة لاتينية {mark} بين كلمات عربية: استعمل {arabic}</translation>
    </message>
    <message>
      <source>Spelling slip? “{word}” → “{fix}”</source>
      <translation>خطأ إملائي؟ «{word}» ← «{fix}»</translation>
    </message>
    <message>
      <source>Unknown word “{word}”</source>
      <translation>كلمة غير معروفة «{word}»</translation>
    </message>
    <message>
      <source>Repeated word “{word}”</source>
      <translation>كلمة مكررة «{word}»</translation>
    </message>
    <message>
      <source>The title is empty</source>
      <translation>العنوان فارغ</translation>
    </message>
    <message>
      <source>No title: add `title:` or a first `#` heading</source>
      <translation>لا عنوان: أضف «title:» أو عنوانا أول بـ«#»</translation>
    </message>
    <message>
      <source>News article without a dateline (“الرباط، المغرب – ”)</source>
      <translation>خبر بلا سطر المكان («الرباط، المغرب – »)</translation>
    </message>
    <message>
      <source>The article has no tags</source>
      <translation>المقال بلا وسوم</translation>
    </message>
    <message>
      <source>Web boilerplate left in the text: “{text}”</source>
      <translation>بقايا صفحة ويب في النص: «{text}»</translation>
    </message>
    <message>
      <source>{path} points outside the library</source>
      <translation>{path} يشير إلى خارج المكتبة</translation>
    </message>
    <message>
      <source>at most {count} tags can be hidden in one library</source>
      <translation>لا يمكن إخفاء أكثر من {count} وسم في مكتبة واحدة</translation>
    </message>
    <message>
      <source>points outside the library</source>
      <translation>يشير إلى خارج المكتبة</translation>
    </message>
    <message>
      <source>the folder name is not valid UTF-8: its articles are not listed</source>
      <translation>اسم المجلد ليس UTF-8 صالحًا: لا تُدرج مقالاته</translation>
    </message>
    <message>
      <source>the file name is not valid UTF-8</source>
      <translation>اسم الملف ليس UTF-8 صالحًا</translation>
    </message>
    <message>
      <source>{name} is {kind}, not a file Midad can open</source>
      <translation>{name} هو {kind}، وليس ملفًّا يستطيع مداد فتحه</translation>
    </message>
    <message>
      <source>The article holds more than {count} markup characters: the rest is shown as plain text.</source>
      <translation>يحوي المقال أكثر من {count} من محارف التنسيق: يُعرض الباقي نصًّا عاديًّا.</translation>
    </message>
    <message>
      <source>{count} paragraph(s) with too much markup to render are shown as plain text.</source>
      <translation>عدد الفقرات التي فيها من التنسيق أكثر مما يمكن عرضه فتُعرض نصًّا عاديًّا: {count}.</translation>
    </message>
    <message>
      <source>Quotes or lists nested deeper than {count} levels are shown at level {count}.</source>
      <translation>الاقتباسات أو القوائم المتداخلة لأكثر من {count} مستوى تُعرض في المستوى {count}.</translation>
    </message>
    <message>
      <source>Elements nested deeper than {depth} levels are shown flattened in the preview (the exports keep them).</source>
      <translation>العناصر المتداخلة لأعمق من {depth} مستوى تُعرض مسطّحة في المعاينة (ويحفظها التصدير).</translation>
    </message>
    <message>
      <source>Paragraphs longer than {count} characters are shown in parts in the preview (the exports keep them whole).</source>
      <translation>الفقرات التي تتجاوز {count} حرف تُعرض مجزّأة في المعاينة (وتبقى كاملة في التصدير).</translation>
    </message>
    <message>
      <source>The preview shows the first {count} characters of the article; the exports hold all of it.</source>
      <translation>تعرض المعاينة أول {count} محرفًا من المقال؛ والتصدير يحويه كله.</translation>
    </message>
    <message>
      <source>List items and table cells longer than {count} characters are shown cut in the preview (the exports hold all of them).</source>
      <translation>بنود القوائم وخلايا الجداول التي تتجاوز {count} محرف تُعرض مقطوعة في المعاينة (والتصدير يحويها كاملة).</translation>
    </message>
    <message>
      <source>Links to places after the first {count} anchors (headings, footnotes) do not jump in the preview.</source>
      <translation>الروابط إلى المواضع التي تلي أول {count} مرساة (العناوين والحواشي) لا تنقل إليها المعاينة.</translation>
    </message>
    <message>
      <source>The preview shows this table up to here; {count} more rows are in the exports.</source>
      <translation>تعرض المعاينة هذا الجدول حتى هنا؛ وفي التصدير {count} صفًّا آخر.</translation>
    </message>
    <message>
      <source>The preview shows this list up to here; {count} more items are in the exports.</source>
      <translation>تعرض المعاينة هذه القائمة حتى هنا؛ وفي التصدير {count} بندًا آخر.</translation>
    </message>
    <message>
      <source>This article is nested too deeply to render: it is shown as plain text.</source>
      <translation>تداخل هذا المقال أعمق من أن يُعرض: يُعرض نصًّا عاديًّا.</translation>
    </message>
    <message>
      <source>No difference.</source>
      <translation>لا فرق.</translation>
    </message>
    <message>
      <source>The texts are too long to compare line by line ({old} and {new} lines).</source>
      <translation>النصان أطول من أن يُقارَنا سطرًا سطرًا ({old} و{new} سطرًا).</translation>
    </message>
    <message>
      <source>… (the rest of the differences is not shown)</source>
      <translation>… (بقية الفروق غير معروضة)</translation>
    </message>
    <message>
      <source>{path} is damaged or truncated</source>
      <translation>{path} تالف أو مبتور</translation>
    </message>
    <message>
      <source>{path} is not a Midad journal entry</source>
      <translation>{path} ليس من سجل الاستعادة في مِداد</translation>
    </message>
    <message>
      <source>{path} is damaged: its text does not match its checksum</source>
      <translation>{path} تالف: نصّه لا يطابق بصمته</translation>
    </message>
    <message>
      <source>{path} is too large to be a journal entry</source>
      <translation>{path} أكبر من أن يكون من سجل الاستعادة</translation>
    </message>
    <message>
      <source>process {pid} on {host} ({purpose}, since {when})</source>
      <translation>العملية {pid} على {host} ({purpose}، منذ {when})</translation>
    </message>
    <message>
      <source>it is in use by {holder}</source>
      <translation>إنه قيد الاستخدام لدى {holder}</translation>
    </message>
    <message>
      <source>{name} does not exist</source>
      <translation>{name} غير موجود</translation>
    </message>
    <message>
      <source>{first}; {rest}</source>
      <translation>{first}؛ {rest}</translation>
    </message>
    <message>
      <source>{0} was changed by another program. Your unsaved text is kept; saving will ask before overwriting.</source>
      <translation>غيّر برنامج آخر الملف {0}. نصّك غير المحفوظ باقٍ؛ وسيسألك الحفظ قبل الكتابة فوقه.</translation>
    </message>
    <message>
      <source>Opening {0}…</source>
      <translation>جارٍ فتح {0}…</translation>
    </message>
    <message>
      <source>Cannot open the article</source>
      <translation>تعذر فتح المقال</translation>
    </message>
    <message>
      <source>The article was not saved</source>
      <translation>لم يُحفظ المقال</translation>
    </message>
    <message>
      <source>Edit Front Matter as Text</source>
      <translation>تحرير البيانات الوصفية نصًّا</translation>
    </message>
    <message>
      <source>Front matter (%1), between its fences:</source>
      <translation>البيانات الوصفية (%1)، بين حدّيها:</translation>
    </message>
    <message>
      <source>Rewrite the tags as a list?</source>
      <translation>إعادة كتابة الوسوم قائمةً؟</translation>
    </message>
    <message>
      <source>The tags are written as one string (%1), as some other tools do.</source>
      <translation>الوسوم مكتوبة نصًّا واحدًا (%1)، كما تفعل بعض الأدوات الأخرى.</translation>
    </message>
    <message>
      <source>Editing them rewrites them as a list, which those tools also read. Continue?</source>
      <translation>تعديلها يعيد كتابتها قائمةً، وهي صيغة تقرؤها تلك الأدوات أيضًا. هل تتابع؟</translation>
    </message>
    <message>
      <source>Edit Front Matter as &amp;Text…</source>
      <translation>تحرير البيانات الوصفية &amp;نصًّا…</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>مسودة</translation>
    </message>
    <message>
      <source>In review</source>
      <translation>قيد المراجعة</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>جاهز</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>منشور</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Subtitle</source>
      <translation>العنوان الفرعي</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>الكاتب</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>المكان</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>القسم</translation>
    </message>
    <message>
      <source>No date</source>
      <translation>بلا تاريخ</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>التاريخ</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>From title</source>
      <translation>من العنوان</translation>
    </message>
    <message>
      <source>Fill the slug from the title</source>
      <translation>املأ المعرّف من العنوان</translation>
    </message>
    <message>
      <source>Slug</source>
      <translation>المعرّف</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>الملخص</translation>
    </message>
    <message>
      <source>No goal</source>
      <translation>بلا هدف</translation>
    </message>
    <message>
      <source> words</source>
      <translation> كلمة</translation>
    </message>
    <message>
      <source>Word goal</source>
      <translation>هدف الكلمات</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>تلقائي</translation>
    </message>
    <message>
      <source>Right to left</source>
      <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
      <source>Left to right</source>
      <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>الاتجاه</translation>
    </message>
    <message>
      <source>Your text is still here and still unsaved. You can save it under another name.</source>
      <translation>نصك ما زال هنا ولم يُحفظ بعد. يمكنك حفظه باسم آخر.</translation>
    </message>
    <message>
      <source>Save As…</source>
      <translation>حفظ باسم…</translation>
    </message>
    <message>
      <source>Compare with the file on disk</source>
      <translation>المقارنة بالملف على القرص</translation>
    </message>
    <message>
      <source>on disk</source>
      <translation>على القرص</translation>
    </message>
    <message>
      <source>in Midad</source>
      <translation>في مِداد</translation>
    </message>
    <message>
      <source>File changed on disk</source>
      <translation>تغيّر الملف على القرص</translation>
    </message>
    <message>
      <source>“{0}” was changed by another program since you opened it, and you have unsaved changes.</source>
      <translation>غيّر برنامج آخر «{0}» منذ فتحته، ولديك تغييرات غير محفوظة.</translation>
    </message>
    <message>
      <source>Keep mine saves your text over the other version; Take theirs reloads the file from disk.</source>
      <translation>«الإبقاء على نسختي» يحفظ نصك فوق النسخة الأخرى؛ «أخذ نسختهم» يعيد تحميل الملف من القرص.</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>الإبقاء على نسختي</translation>
    </message>
    <message>
      <source>Take theirs</source>
      <translation>أخذ نسختهم</translation>
    </message>
    <message>
      <source>Compare…</source>
      <translation>مقارنة…</translation>
    </message>
    <message>
      <source>Remove tag %1</source>
      <translation>إزالة الوسم %1</translation>
    </message>
    <message>
      <source>Add a tag and press Enter</source>
      <translation>أضف وسما ثم اضغط Enter</translation>
    </message>
    <message>
      <source>Hashtags in the text:</source>
      <translation>وسوم في النص:</translation>
    </message>
    <message>
      <source>Add #%1 as a tag</source>
      <translation>إضافة #%1 وسما</translation>
    </message>
    <message>
      <source>Copy desk</source>
      <translation>التدقيق</translation>
    </message>
    <message>
      <source>Check before publishing…</source>
      <translation>فحص قبل النشر…</translation>
    </message>
    <message>
      <source>Keep numbers in order as I type</source>
      <translation>حافظ على ترتيب الأرقام أثناء الكتابة</translation>
    </message>
    <message>
      <source>Check spelling as I type</source>
      <translation>دقّق الإملاء أثناء الكتابة</translation>
    </message>
    <message>
      <source>Ready to publish.</source>
      <translation>جاهز للنشر.</translation>
    </message>
    <message>
      <source>Fix the errors before publishing.</source>
      <translation>أصلح الأخطاء قبل النشر.</translation>
    </message>
    <message>
      <source>Check before publishing</source>
      <translation>فحص قبل النشر</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>احذف</translation>
    </message>
    <message>
      <source>Replace with “{0}”</source>
      <translation>استبدل بـ«{0}»</translation>
    </message>
    <message>
      <source>Add “{0}” to the dictionary</source>
      <translation>أضف «{0}» إلى القاموس</translation>
    </message>
    <message>
      <source>Fix all of this kind ({0})</source>
      <translation>أصلح كل ما هو من هذا النوع ({0})</translation>
    </message>
    <message>
      <source>(delete)</source>
      <translation>(حذف)</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>خطأ</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>تنبيه</translation>
    </message>
    <message>
      <source>Suggestion</source>
      <translation>اقتراح</translation>
    </message>
    <message>
      <source>Quotation marks</source>
      <translation>علامات التنصيص</translation>
    </message>
    <message>
      <source>Spaces around punctuation</source>
      <translation>المسافات حول علامات الترقيم</translation>
    </message>
    <message>
      <source>Latin punctuation</source>
      <translation>علامات ترقيم لاتينية</translation>
    </message>
    <message>
      <source>Doubled spaces</source>
      <translation>مسافات مضاعفة</translation>
    </message>
    <message>
      <source>Odd spaces</source>
      <translation>مسافات غريبة</translation>
    </message>
    <message>
      <source>Tatweel</source>
      <translation>التطويل</translation>
    </message>
    <message>
      <source>Digits</source>
      <translation>الأرقام</translation>
    </message>
    <message>
      <source>Number order</source>
      <translation>ترتيب الأرقام</translation>
    </message>
    <message>
      <source>Invisible characters</source>
      <translation>حروف غير مرئية</translation>
    </message>
    <message>
      <source>Reversed brackets</source>
      <translation>أقواس مقلوبة</translation>
    </message>
    <message>
      <source>Dateline dash</source>
      <translation>شرطة سطر المكان</translation>
    </message>
    <message>
      <source>Persian letters</source>
      <translation>حروف فارسية</translation>
    </message>
    <message>
      <source>Presentation forms</source>
      <translation>أشكال العرض</translation>
    </message>
    <message>
      <source>Repeated words</source>
      <translation>كلمات مكررة</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>مكان الخبر وتاريخه</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>الوسوم</translation>
    </message>
    <message>
      <source>Web boilerplate</source>
      <translation>بقايا صفحات الويب</translation>
    </message>
    <message>
      <source>Hamza and spelling slips</source>
      <translation>الهمزة والأخطاء الإملائية الشائعة</translation>
    </message>
    <message>
      <source>Spelling</source>
      <translation>الإملاء</translation>
    </message>
    <message>
      <source>No findings</source>
      <translation>لا ملاحظات</translation>
    </message>
    <message>
      <source>Errors: {0} · Warnings: {1} · Suggestions: {2}</source>
      <translation>أخطاء: {0} · تنبيهات: {1} · اقتراحات: {2}</translation>
    </message>
    <message>
      <source>House style…</source>
      <translation>أسلوب الدار…</translation>
    </message>
    <message>
      <source>line {0}</source>
      <translation>السطر {0}</translation>
    </message>
    <message>
      <source>article</source>
      <translation>المقال</translation>
    </message>
    <message>
      <source>House style</source>
      <translation>أسلوب الدار</translation>
    </message>
    <message>
      <source>Shared by everyone who opens this library: {0}</source>
      <translation>يشترك فيه كل من يفتح هذه المكتبة: {0}</translation>
    </message>
    <message>
      <source>«…» (inner “…”)</source>
      <translation>«…» (وفي الداخل “…”)</translation>
    </message>
    <message>
      <source>”…“ (inner ’…‘)</source>
      <translation>”…“ (وفي الداخل ’…‘)</translation>
    </message>
    <message>
      <source>“…” (inner ‘…’)</source>
      <translation>“…” (وفي الداخل ‘…’)</translation>
    </message>
    <message>
      <source>Western digits 0-9</source>
      <translation>أرقام غربية 0-9</translation>
    </message>
    <message>
      <source>Arabic-Indic digits ٠-٩</source>
      <translation>أرقام مشرقية ٠-٩</translation>
    </message>
    <message>
      <source>Either, one system per article</source>
      <translation>أيّهما، بنظام واحد في المقال</translation>
    </message>
    <message>
      <source>En dash –</source>
      <translation>شرطة قصيرة –</translation>
    </message>
    <message>
      <source>Em dash —</source>
      <translation>شرطة طويلة —</translation>
    </message>
    <message>
      <source>Hyphen -</source>
      <translation>واصلة -</translation>
    </message>
    <message>
      <source>Every article is news (it needs a dateline)</source>
      <translation>كل مقال خبر (يحتاج سطر المكان)</translation>
    </message>
    <message>
      <source>Cannot save the house style: {0}</source>
      <translation>تعذّر حفظ أسلوب الدار: {0}</translation>
    </message>
    <message>
      <source>Only the first {shown} of {total} findings are shown</source>
      <translation>لا تُعرض إلا أول {shown} ملاحظة من {total}</translation>
    </message>
    <message>
      <source>Find</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>Replace with</source>
      <translation>استبدال بـ</translation>
    </message>
    <message>
      <source>Match case</source>
      <translation>مطابقة حالة الأحرف</translation>
    </message>
    <message>
      <source>Whole word</source>
      <translation>كلمة كاملة</translation>
    </message>
    <message>
      <source>Regular expression</source>
      <translation>تعبير نمطي</translation>
    </message>
    <message>
      <source>Ignore tashkeel and letter forms</source>
      <translation>تجاهل التشكيل وأشكال الحروف</translation>
    </message>
    <message>
      <source>Tashkeel and tatweel are ignored; أ إ آ ا, ى ي and ة ه match</source>
      <translation>يُتجاهل التشكيل والتطويل؛ وتتطابق أ إ آ ا، وى ي، وة ه</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>السابق</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>التالي</translation>
    </message>
    <message>
      <source>Replace</source>
      <translation>استبدال</translation>
    </message>
    <message>
      <source>Replace all</source>
      <translation>استبدال الكل</translation>
    </message>
    <message>
      <source>Highlight all</source>
      <translation>تظليل الكل</translation>
    </message>
    <message>
      <source>Find in library</source>
      <translation>ابحث في المكتبة</translation>
    </message>
    <message>
      <source>Search every article of the library for this text</source>
      <translation>ابحث عن هذا النص في كل مقالات المكتبة</translation>
    </message>
    <message>
      <source>Invalid search</source>
      <translation>بحث غير صالح</translation>
    </message>
    <message>
      <source>No matches</source>
      <translation>لا نتائج</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 من %2</translation>
    </message>
    <message>
      <source>%1 matches</source>
      <translation>%1 نتيجة</translation>
    </message>
    <message>
      <source>%1 replaced</source>
      <translation>استُبدل %1</translation>
    </message>
    <message>
      <source>Import text, Word or HTML</source>
      <translation>استيراد نص أو مستند Word أو HTML</translation>
    </message>
    <message>
      <source>Replace file?</source>
      <translation>استبدال الملف؟</translation>
    </message>
    <message>
      <source>{0} already exists. Replace it?</source>
      <translation>الملف {0} موجود. أتريد استبداله؟</translation>
    </message>
    <message>
      <source>Print preview</source>
      <translation>معاينة الطباعة</translation>
    </message>
    <message>
      <source>Cannot import the file</source>
      <translation>تعذّر استيراد الملف</translation>
    </message>
    <message>
      <source>Importing {0}…</source>
      <translation>جارٍ استيراد {0}…</translation>
    </message>
    <message>
      <source>Imported {0}: save it to keep it as an article</source>
      <translation>استُورد {0}: احفظه لتبقيه مقالًا</translation>
    </message>
    <message>
      <source>Export as HTML</source>
      <translation>تصدير بصيغة HTML</translation>
    </message>
    <message>
      <source>Export as PDF</source>
      <translation>تصدير بصيغة PDF</translation>
    </message>
    <message>
      <source>Export as Word</source>
      <translation>تصدير بصيغة Word</translation>
    </message>
    <message>
      <source>Not exported</source>
      <translation>لم يُصدَّر</translation>
    </message>
    <message>
      <source>An export cannot replace the article itself.</source>
      <translation>لا يمكن أن يحلّ التصدير محلّ المقال نفسه.</translation>
    </message>
    <message>
      <source>{0} is a folder.</source>
      <translation>‏{0} مجلد.</translation>
    </message>
    <message>
      <source>An export is already running.</source>
      <translation>يجري تصدير آخر الآن.</translation>
    </message>
    <message>
      <source>Exported to {0}</source>
      <translation>صُدِّر إلى {0}</translation>
    </message>
    <message>
      <source>Exporting to {0}…</source>
      <translation>جارٍ التصدير إلى {0}…</translation>
    </message>
    <message>
      <source>Copied for the CMS: HTML and Markdown are on the clipboard</source>
      <translation>نُسخ لنظام إدارة المحتوى: صيغتا HTML وMarkdown في الحافظة</translation>
    </message>
    <message>
      <source>Copied the metadata for the CMS fields</source>
      <translation>نُسخت بيانات المقال لحقول نظام إدارة المحتوى</translation>
    </message>
    <message>
      <source>&amp;Import text, Word or HTML…</source>
      <translation>ا&amp;ستيراد نص أو Word أو HTML…</translation>
    </message>
    <message>
      <source>&amp;HTML…</source>
      <translation>&amp;HTML…</translation>
    </message>
    <message>
      <source>&amp;PDF…</source>
      <translation>&amp;PDF…</translation>
    </message>
    <message>
      <source>&amp;Word (.docx)…</source>
      <translation>&amp;Word ‏(.docx)…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;طباعة…</translation>
    </message>
    <message>
      <source>Copy for &amp;CMS</source>
      <translation>نسخ لنظام إدارة ال&amp;محتوى</translation>
    </message>
    <message>
      <source>Copy &amp;metadata for CMS</source>
      <translation>نسخ &amp;بيانات المقال لنظام إدارة المحتوى</translation>
    </message>
    <message>
      <source>Paste as plain &amp;text</source>
      <translation>لصق كنص &amp;عادي</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;تصدير</translation>
    </message>
    <message>
      <source>Indexing the library: %1 of %2 articles</source>
      <translation>فهرسة المكتبة: %1 من %2 مقالا</translation>
    </message>
    <message>
      <source>Words</source>
      <translation>الكلمات</translation>
    </message>
    <message>
      <source>The date is not a date (YYYY-MM-DD): sorted last</source>
      <translation>التاريخ ليس تاريخًا صحيحًا (YYYY-MM-DD): رُتّب في آخر القائمة</translation>
    </message>
    <message>
      <source>A tag operation was interrupted; it was rolled back ({0} articles restored).</source>
      <translation>انقطعت عملية على الوسوم فأُلغيت ({0} مقالًا استُعيد).</translation>
    </message>
    <message>
      <source>The open article was updated by the tag change.</source>
      <translation>حُدّث المقال المفتوح بتغيير الوسم.</translation>
    </message>
    <message>
      <source>The tag change could not be applied to your unsaved text; saving will ask before overwriting.</source>
      <translation>تعذّر تطبيق تغيير الوسم على نصك غير المحفوظ؛ سيسألك الحفظ قبل الكتابة فوق الملف.</translation>
    </message>
    <message>
      <source>Tag change</source>
      <translation>تغيير وسم</translation>
    </message>
    <message>
      <source>The tag change was applied to your unsaved text too (Undo takes it back).</source>
      <translation>طُبّق تغيير الوسم على نصك غير المحفوظ أيضًا (التراجع يلغيه).</translation>
    </message>
    <message>
      <source>Search the library…</source>
      <translation>ابحث في المكتبة…</translation>
    </message>
    <message>
      <source>Newest first</source>
      <translation>الأحدث أولا</translation>
    </message>
    <message>
      <source>Oldest first</source>
      <translation>الأقدم أولا</translation>
    </message>
    <message>
      <source>By title</source>
      <translation>حسب العنوان</translation>
    </message>
    <message>
      <source>By status</source>
      <translation>حسب الحالة</translation>
    </message>
    <message>
      <source>New</source>
      <translation>جديد</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>إعادة تسمية…</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>حذف…</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>كل الحالات</translation>
    </message>
    <message>
      <source>%1 of %2 articles match</source>
      <translation>%1 من %2 مقالا تطابق البحث</translation>
    </message>
    <message>
      <source>%1 of %2 articles</source>
      <translation>%1 من %2 مقالا</translation>
    </message>
    <message>
      <source>No article matches.</source>
      <translation>لا يطابق أي مقال.</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>فتح</translation>
    </message>
    <message>
      <source>Rename to follow the slug</source>
      <translation>إعادة التسمية وفق المعرّف</translation>
    </message>
    <message>
      <source>New article</source>
      <translation>مقال جديد</translation>
    </message>
    <message>
      <source>Title:</source>
      <translation>العنوان:</translation>
    </message>
    <message>
      <source>Rename article file</source>
      <translation>إعادة تسمية ملف المقال</translation>
    </message>
    <message>
      <source>File name (suggested from the slug: %1):</source>
      <translation>اسم الملف (المقترح من المعرّف: %1):</translation>
    </message>
    <message>
      <source>Delete article</source>
      <translation>حذف المقال</translation>
    </message>
    <message>
      <source>Move “%1” to the trash?</source>
      <translation>نقل «%1» إلى سلة المهملات؟</translation>
    </message>
    <message>
      <source>Moved to the trash: %1</source>
      <translation>نُقل إلى سلة المهملات: %1</translation>
    </message>
    <message>
      <source>Library</source>
      <translation>المكتبة</translation>
    </message>
    <message>
      <source>Choose &amp;Library Folder…</source>
      <translation>اختيار مجلد المكتبة…</translation>
    </message>
    <message>
      <source>Cannot open the library folder: {0}</source>
      <translation>تعذّر فتح مجلد المكتبة: {0}</translation>
    </message>
    <message>
      <source>The library index cannot be used: %1</source>
      <translation>لا يمكن استعمال فهرس المكتبة: %1</translation>
    </message>
    <message>
      <source>Choose Library Folder</source>
      <translation>اختيار مجلد المكتبة</translation>
    </message>
    <message>
      <source>The open article was moved to the trash; saving it writes it again.</source>
      <translation>نُقل المقال المفتوح إلى سلة المهملات؛ حفظه يكتبه من جديد.</translation>
    </message>
    <message>
      <source>Filter tags…</source>
      <translation>تصفية الوسوم…</translation>
    </message>
    <message>
      <source>Most used</source>
      <translation>الأكثر استعمالا</translation>
    </message>
    <message>
      <source>By name</source>
      <translation>حسب الاسم</translation>
    </message>
    <message>
      <source>All selected tags</source>
      <translation>كل الوسوم المحددة</translation>
    </message>
    <message>
      <source>Any selected tag</source>
      <translation>أي وسم محدد</translation>
    </message>
    <message>
      <source>Clear selection</source>
      <translation>إلغاء التحديد</translation>
    </message>
    <message>
      <source>Undo last tag change</source>
      <translation>التراجع عن آخر تغيير للوسوم</translation>
    </message>
    <message>
      <source>List the words you marked “not a tag” (greyed); right-click one to bring it back</source>
      <translation>اعرض الكلمات التي عددتها «ليست وسمًا» (باهتة)؛ انقر إحداها بالزر الأيمن لإعادتها</translation>
    </message>
    <message>
      <source>Show hidden tags (%1)</source>
      <translation>اعرض الوسوم المخفية (%1)</translation>
    </message>
    <message>
      <source>%1 articles</source>
      <translation>%1 مقالا</translation>
    </message>
    <message>
      <source>Also written: %1</source>
      <translation>تُكتب أيضا: %1</translation>
    </message>
    <message>
      <source>Not a tag: hidden from tag suggestions in this library</source>
      <translation>ليست وسمًا: مخفية من اقتراحات الوسوم في هذه المكتبة</translation>
    </message>
    <message>
      <source>Rename tag…</source>
      <translation>إعادة تسمية الوسم…</translation>
    </message>
    <message>
      <source>Merge into another tag…</source>
      <translation>دمج في وسم آخر…</translation>
    </message>
    <message>
      <source>Remove tag from every article…</source>
      <translation>إزالة الوسم من كل المقالات…</translation>
    </message>
    <message>
      <source>It is a tag (show it in suggestions again)</source>
      <translation>إنها وسم (أعد عرضها في الاقتراحات)</translation>
    </message>
    <message>
      <source>Not a tag (hide it from suggestions)</source>
      <translation>ليست وسمًا (أخفها من الاقتراحات)</translation>
    </message>
    <message>
      <source>The choice could not be saved: %1</source>
      <translation>تعذّر حفظ الاختيار: %1</translation>
    </message>
    <message>
      <source>#%1 is hidden from tag suggestions in this library.</source>
      <translation>أُخفي #%1 من اقتراحات الوسوم في هذه المكتبة.</translation>
    </message>
    <message>
      <source>#%1 is offered as a tag again.</source>
      <translation>صار #%1 يُقترح وسمًا من جديد.</translation>
    </message>
    <message>
      <source>Rename tag</source>
      <translation>إعادة تسمية الوسم</translation>
    </message>
    <message>
      <source>New name for #%1:</source>
      <translation>الاسم الجديد لـ #%1:</translation>
    </message>
    <message>
      <source>Merge tags</source>
      <translation>دمج الوسوم</translation>
    </message>
    <message>
      <source>Merge #%1 into:</source>
      <translation>دمج #%1 في:</translation>
    </message>
    <message>
      <source>Remove tag</source>
      <translation>إزالة الوسم</translation>
    </message>
    <message>
      <source>Remove #%1 from every article? Hashtags in the text keep their word.</source>
      <translation>إزالة #%1 من كل المقالات؟ تبقى كلمات الوسوم داخل النص.</translation>
    </message>
    <message>
      <source>Restored %1 articles.</source>
      <translation>استُعيد %1 مقالا.</translation>
    </message>
    <message>
      <source>Not restored: %1.</source>
      <translation>لم يُستعد: %1.</translation>
    </message>
    <message>
      <source>Changed %1 articles.</source>
      <translation>تغيّر %1 مقالا.</translation>
    </message>
    <message>
      <source>Left unchanged: %1.</source>
      <translation>بقي دون تغيير: %1.</translation>
    </message>
    <message>
      <source>No headings yet. Lines starting with # become headings.</source>
      <translation>لا عناوين بعد. السطر الذي يبدأ بـ # يصير عنوانًا.</translation>
    </message>
    <message>
      <source>… and %1 more headings (not listed)</source>
      <translation>… و%1 عنوانًا آخر (غير مدرجة)</translation>
    </message>
    <message>
      <source>Outline</source>
      <translation>المخطط</translation>
    </message>
    <message>
      <source>Rendering this article took longer than %1 s and was stopped; the editor is not affected.</source>
      <translation>استغرق عرض هذا المقال أكثر من %1 ث فأُوقف؛ المحرر لا يتأثر.</translation>
    </message>
    <message>
      <source>{name} is open in another Midad window ({holder}): it was opened read-only.</source>
      <translation>{name} مفتوح في نافذة أخرى من مِداد ({holder}): فُتح للقراءة فقط.</translation>
    </message>
    <message>
      <source>History</source>
      <translation>السجل</translation>
    </message>
    <message>
      <source>Restore This Version</source>
      <translation>استعادة هذه النسخة</translation>
    </message>
    <message>
      <source>{0} — {1} words, {2} bytes</source>
      <translation>{0} — {1} كلمة، {2} بايت</translation>
    </message>
    <message>
      <source>No earlier versions of this article yet: each save keeps the one it replaces.</source>
      <translation>لا نسخ سابقة لهذا المقال بعد: كل حفظ يحتفظ بالنسخة التي يحل محلها.</translation>
    </message>
    <message>
      <source>Changes from the chosen version to the text in the window:</source>
      <translation>الفروق بين النسخة المختارة والنص في النافذة:</translation>
    </message>
    <message>
      <source>version</source>
      <translation>النسخة</translation>
    </message>
    <message>
      <source>now</source>
      <translation>الآن</translation>
    </message>
    <message>
      <source>Restore version</source>
      <translation>استعادة نسخة</translation>
    </message>
    <message>
      <source>Midad cannot keep a recovery copy of your unsaved text in {0}: {1}. Save your work now, or save it elsewhere with Save As.</source>
      <translation>لا يستطيع مِداد الاحتفاظ بنسخة استعادة من نصك غير المحفوظ في {0}: {1}. احفظ عملك الآن، أو احفظه في مكان آخر بـ«حفظ باسم».</translation>
    </message>
    <message>
      <source>This article was never saved.</source>
      <translation>لم يُحفظ هذا المقال قط.</translation>
    </message>
    <message>
      <source>Its file {0} does not exist any more.</source>
      <translation>ملفه {0} لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>Its file was changed on disk after this text was written.</source>
      <translation>تغيّر ملفه على القرص بعد كتابة هذا النص.</translation>
    </message>
    <message>
      <source>Recover unsaved text</source>
      <translation>استعادة نص غير محفوظ</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>بلا عنوان</translation>
    </message>
    <message>
      <source>Midad closed without saving “{0}”. Unsaved text from {1} can be restored.</source>
      <translation>أُغلق مِداد دون حفظ «{0}». يمكن استعادة النص غير المحفوظ من {1}.</translation>
    </message>
    <message>
      <source>unsaved</source>
      <translation>غير محفوظ</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>استعادة</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>تجاهل</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>لاحقًا</translation>
    </message>
    <message>
      <source>Restore unsaved text</source>
      <translation>استعادة النص غير المحفوظ</translation>
    </message>
    <message>
      <source>A recovery file could not be read and was left alone: {0}</source>
      <translation>تعذّرت قراءة ملف استعادة فتُرك كما هو: {0}</translation>
    </message>
    <message>
      <source>&amp;New</source>
      <translation>&amp;جديد</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;فتح…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;حفظ</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>حفظ &amp;باسم…</translation>
    </message>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;إغلاق</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;خروج</translation>
    </message>
    <message>
      <source>Clear recent files</source>
      <translation>مسح قائمة الملفات الأخيرة</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;تراجع</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;إعادة</translation>
    </message>
    <message>
      <source>&amp;Find…</source>
      <translation>&amp;بحث…</translation>
    </message>
    <message>
      <source>Find and &amp;replace…</source>
      <translation>بحث و&amp;استبدال…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>&amp;التفضيلات…</translation>
    </message>
    <message>
      <source>&amp;Bold</source>
      <translation>&amp;عريض</translation>
    </message>
    <message>
      <source>&amp;Italic</source>
      <translation>&amp;مائل</translation>
    </message>
    <message>
      <source>&amp;Link</source>
      <translation>&amp;رابط</translation>
    </message>
    <message>
      <source>Heading %1</source>
      <translation>عنوان %1</translation>
    </message>
    <message>
      <source>&amp;Quote</source>
      <translation>&amp;اقتباس</translation>
    </message>
    <message>
      <source>Bulleted list</source>
      <translation>قائمة نقطية</translation>
    </message>
    <message>
      <source>Numbered list</source>
      <translation>قائمة مرقمة</translation>
    </message>
    <message>
      <source>Horizontal rule</source>
      <translation>خط فاصل</translation>
    </message>
    <message>
      <source>Flip paragraph direction</source>
      <translation>قلب اتجاه الفقرة</translation>
    </message>
    <message>
      <source>Keep numbers in order (03-73)</source>
      <translation>حفظ ترتيب الأرقام (03-73)</translation>
    </message>
    <message>
      <source>Article right to left</source>
      <translation>المقال من اليمين إلى اليسار</translation>
    </message>
    <message>
      <source>Article left to right</source>
      <translation>المقال من اليسار إلى اليمين</translation>
    </message>
    <message>
      <source>Show &amp;preview</source>
      <translation>إظهار &amp;المعاينة</translation>
    </message>
    <message>
      <source>Show article &amp;panel</source>
      <translation>إظهار &amp;لوحة المقال</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>&amp;تكبير</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>ت&amp;صغير</translation>
    </message>
    <message>
      <source>Reset zoom</source>
      <translation>الحجم الأصلي</translation>
    </message>
    <message>
      <source>Visual caret movement</source>
      <translation>حركة المؤشر المرئية</translation>
    </message>
    <message>
      <source>Edit anyway</source>
      <translation>التحرير على أي حال</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
      <source>Save the changes to “%1” before closing?</source>
      <translation>حفظ التغييرات في «%1» قبل الإغلاق؟</translation>
    </message>
    <message>
      <source>Your changes will be lost if you don't save them.</source>
      <translation>ستضيع تغييراتك إن لم تحفظها.</translation>
    </message>
    <message>
      <source>Open link</source>
      <translation>فتح الرابط</translation>
    </message>
    <message>
      <source>Open this address in your web browser?
%1</source>
      <translation>فتح هذا العنوان في متصفح الويب؟
%1</translation>
    </message>
    <message>
      <source>Open article</source>
      <translation>فتح مقال</translation>
    </message>
    <message>
      <source>Save article</source>
      <translation>حفظ المقال</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>التفضيلات</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>لغة النظام</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>لغة الواجهة</translation>
    </message>
    <message>
      <source>Default Arabic font</source>
      <translation>الخط العربي الافتراضي</translation>
    </message>
    <message>
      <source>Editor font</source>
      <translation>خط المحرر</translation>
    </message>
    <message>
      <source>Font size</source>
      <translation>حجم الخط</translation>
    </message>
    <message>
      <source>Logical (follows the text order)</source>
      <translation>منطقية (تتبع ترتيب النص)</translation>
    </message>
    <message>
      <source>Visual (follows the screen)</source>
      <translation>مرئية (تتبع الشاشة)</translation>
    </message>
    <message>
      <source>Arrow keys</source>
      <translation>مفاتيح الأسهم</translation>
    </message>
    <message>
      <source>No library is open</source>
      <translation>لا مكتبة مفتوحة</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>المقال</translation>
    </message>
    <message>
      <source>Reloaded: the article was changed by another program</source>
      <translation>أُعيد التحميل: غيّر برنامج آخر المقال</translation>
    </message>
    <message>
      <source>Numbers kept in order; lines changed: {0}</source>
      <translation>حُفظ ترتيب الأرقام؛ الأسطر المعدّلة: {0}</translation>
    </message>
    <message>
      <source>No reversed numbers found</source>
      <translation>لا أرقام معكوسة</translation>
    </message>
    <message>
      <source>The new language applies the next time Midad starts.</source>
      <translation>تُطبَّق اللغة الجديدة عند تشغيل مداد في المرة القادمة.</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;ملف</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>الملفات ال&amp;أخيرة</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;تحرير</translation>
    </message>
    <message>
      <source>F&amp;ormat</source>
      <translation>&amp;تنسيق</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;عرض</translation>
    </message>
    <message>
      <source>Formatting</source>
      <translation>التنسيق</translation>
    </message>
    <message>
      <source>Reopen the Last Article at Start</source>
      <translation>إعادة فتح آخر مقال عند البدء</translation>
    </message>
    <message>
      <source>&amp;History…</source>
      <translation>ال&amp;سجل…</translation>
    </message>
    <message>
      <source>The article open last time is no longer there: {0}</source>
      <translation>المقال الذي كان مفتوحًا آخر مرة لم يعد موجودًا: {0}</translation>
    </message>
    <message>
      <source>%1 words</source>
      <translation>%1 كلمة</translation>
    </message>
    <message>
      <source>%1 characters</source>
      <translation>%1 حرفا</translation>
    </message>
    <message>
      <source>%1 min read</source>
      <translation>قراءة %1 د</translation>
    </message>
    <message>
      <source>RTL</source>
      <translation>فقرة من اليمين</translation>
    </message>
    <message>
      <source>LTR</source>
      <translation>فقرة من اليسار</translation>
    </message>
    <message>
      <source>Line %1, column %2</source>
      <translation>السطر %1، العمود %2</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>ال&amp;سمة</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>حسب النظام</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>فاتحة</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>داكنة</translation>
    </message>
    <message>
      <source>Dark preview in the dark theme (else paper)</source>
      <translation>معاينة داكنة مع السمة الداكنة (وإلا فورقية)</translation>
    </message>
    <message>
      <source>&amp;Focus mode (dim other paragraphs)</source>
      <translation>وضع ال&amp;تركيز (تعتيم الفقرات الأخرى)</translation>
    </message>
    <message>
      <source>&amp;Typewriter scrolling</source>
      <translation>تمرير الآلة ال&amp;كاتبة</translation>
    </message>
    <message>
      <source>F&amp;ull screen</source>
      <translation>ملء ال&amp;شاشة</translation>
    </message>
    <message>
      <source>&amp;Distraction-free view</source>
      <translation>عرض &amp;بلا مشتتات</translation>
    </message>
    <message>
      <source>%1 of %2 words</source>
      <translation>%1 من %2 كلمة</translation>
    </message>
    <message>
      <source>Word goal of this article (words_goal): %1%</source>
      <translation>هدف الكلمات لهذه المقالة (words_goal): %1٪</translation>
    </message>
    <message>
      <source>Selected: %1 words</source>
      <translation>المحدد: %1 كلمة</translation>
    </message>
    <message>
      <source>Midad</source>
      <translation>مداد</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>طباعة</translation>
    </message>
    <message>
      <source>Not printed</source>
      <translation>لم تتم الطباعة</translation>
    </message>
    <message>
      <source>Printing {0}…</source>
      <translation>جارٍ طباعة {0}…</translation>
    </message>
    <message>
      <source>Printed {0} pages</source>
      <translation>طُبعت {0} صفحة</translation>
    </message>
  </context>
</TS>
