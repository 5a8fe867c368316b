# The page's style sheet and script are constant (report_html_style.c) and
# compared in full by the fmt-html-* cases: the cases about what the page
# holds leave them out.
/^<style>$/,/^<\/style>$/c\
<style>(the style sheet)</style>
/^<script>$/,/^<\/script>$/c\
<script>(the script)</script>
