<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Furikaeri</source>
        <translation>ふりかえりについて</translation>
    </message>
    <message>
        <source>Furikaeri (ふりかえり)</source>
        <translation>ふりかえり（Furikaeri）</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>バージョン {version}</translation>
    </message>
    <message>
        <source>Runs a reflection workshop offline: the agenda and the room clock, a graphic-recording board that note-takers type on, theme proposals and printed minutes. Every edit is saved as it is made.</source>
        <translation>振り返りワークショップをオフラインで進めるアプリです。アジェンダと会場用の時計、記録係が付箋を入力するグラフィックレコーディングのボード、テーマの提案、印刷できる議事録を備えています。編集はその都度保存されます。</translation>
    </message>
    <message>
        <source>Licences of what is shipped with the app</source>
        <translation>同梱しているソフトウェアとフォントのライセンス</translation>
    </message>
    <message>
        <source>Other libraries</source>
        <translation>その他のライブラリ</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Qt について</translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation>MIT ライセンス</translation>
    </message>
    <message>
        <source>Furikaeri itself. Copyright © Furikaeri contributors.</source>
        <translation>ふりかえり本体。Copyright © Furikaeri contributors.</translation>
    </message>
    <message>
        <source>IPAexGothic font</source>
        <translation>IPAexゴシック フォント</translation>
    </message>
    <message>
        <source>IPA Font License v1.0</source>
        <translation>IPAフォントライセンス v1.0</translation>
    </message>
    <message>
        <source>The Japanese font of the board, the charts and the minutes: IPAexGothic (IPAexゴシック) by the Information-technology Promotion Agency, Japan (IPA), shipped in the matplotlib-fontja package.</source>
        <translation>ボード、グラフ、議事録の日本語フォントです。独立行政法人情報処理推進機構（IPA）の IPAexゴシック（IPAexGothic）を、matplotlib-fontja パッケージに同梱されたものとして使っています。</translation>
    </message>
    <message>
        <source>Noto fonts</source>
        <translation>Noto フォント</translation>
    </message>
    <message>
        <source>SIL Open Font License 1.1</source>
        <translation>SIL Open Font License 1.1</translation>
    </message>
    <message>
        <source>Noto Sans, Noto Sans Symbols and Noto Emoji: the fallback fonts of the minutes for characters IPAexGothic lacks (emoji, symbols, other scripts).</source>
        <translation>Noto Sans、Noto Sans Symbols、Noto Emoji：IPAexゴシックにない文字（絵文字、記号、他の文字体系）を議事録に表示するための代替フォントです。</translation>
    </message>
    <message>
        <source>GNU LGPL v3</source>
        <translation>GNU LGPL v3</translation>
    </message>
    <message>
        <source>The windows are drawn with Qt {qt} and PySide6 {pyside} (Qt for Python) by The Qt Company, used under the GNU Lesser General Public License version 3 (which is the GNU GPL version 3 with additional permissions; both texts follow). They are separate libraries loaded when the app starts and may be replaced by a compatible build of your own. Their source code: https://download.qt.io/official_releases/</source>
        <translation>画面は The Qt Company の Qt {qt} と PySide6 {pyside}（Qt for Python）で描いています。これらは GNU 劣等一般公衆利用許諾書（GNU LGPL）第3版の下で使っています（LGPL 第3版は GNU GPL 第3版に追加の許可を加えたものです。下に両方の全文を載せます）。起動時に読み込まれる独立したライブラリで、互換性のある独自のビルドに置き換えることができます。ソースコード：https://download.qt.io/official_releases/</translation>
    </message>
    <message>
        <source>The licence text is missing from this installation: {path}</source>
        <translation>このインストールにはライセンス文がありません：{path}</translation>
    </message>
    <message>
        <source>The licence text is missing from this installation; it is published at the address above.</source>
        <translation>このインストールにはライセンス文がありません。上のアドレスで公開されています。</translation>
    </message>
    <message>
        <source>The app runs on these libraries, installed with it; each comes under its own licence, found in its package.</source>
        <translation>このアプリは一緒にインストールされる次のライブラリを使っています。それぞれのライセンスは各パッケージに含まれています。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>The log folder could not be opened here. It is:
{path}</source>
        <translation>ログフォルダを開けませんでした。場所は次のとおりです：
{path}</translation>
    </message>
</context>
<context>
    <name>Agenda</name>
    <message>
        <source>plenary</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>break</source>
        <translation>休憩</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>A first start further than this from the plan (or on another date) shifts the plan.</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>{title} {old}→{new} min</source>
        <translation>{title} {old}→{new}分</translation>
    </message>
    <message>
        <source>{time} replanned: {changes}</source>
        <translation>{time} 再計画：{changes}</translation>
    </message>
    <message>
        <source>The plan was moved to the actual start: {start} instead of {written}.</source>
        <translation>予定を実際の開始に合わせてずらしました（{written} 開始 → {start} 開始）。</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Agenda</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>セッションを追加</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>セッションを削除</translation>
    </message>
    <message>
        <source>Use template</source>
        <translation>テンプレートを適用</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>テンプレートとして保存…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>One question per line</source>
        <translation>1行に1つの問い</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Note-taker</source>
        <translation>書記</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>グループを追加</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>グループを削除</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>予定時間</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>問い</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>{start}  {title}  ({minutes} min · {kind})</source>
        <translation>{start}  {title}（{minutes}分・{kind}）</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（無題）</translation>
    </message>
    <message>
        <source>The agenda ends at {end} (workshop ends {limit}).</source>
        <translation>プログラムは{end}に終わります（ワークショップの終了は{limit}）。</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新しいセッション</translation>
    </message>
    <message>
        <source>{title} is running: end it (Clock › End the session) before removing it.</source>
        <translation>「{title}」は進行中です。削除する前に終了してください（時計 › セッションを終了）。</translation>
    </message>
    <message>
        <source>Group {letter}</source>
        <translation>グループ{letter}</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>テンプレートとして保存</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>テンプレート名：</translation>
    </message>
    <message>
        <source>The agenda needs at least one session.</source>
        <translation>プログラムには少なくとも1つのセッションが必要です。</translation>
    </message>
    <message>
        <source>Every session needs a title.</source>
        <translation>すべてのセッションにタイトルが必要です。</translation>
    </message>
    <message>
        <source>Every group of {title} needs a name.</source>
        <translation>「{title}」のすべてのグループに名前が必要です。</translation>
    </message>
    <message>
        <source>The workshop must end after it starts.</source>
        <translation>終了時刻は開始時刻より後にしてください。</translation>
    </message>
    <message>
        <source>The agenda ends at {end}, after the workshop&apos;s end time {limit}: shorten a session or move the end.</source>
        <translation>プログラムが{end}に終わり、ワークショップの終了時刻{limit}を過ぎます。セッションを短くするか終了時刻を変更してください。</translation>
    </message>
    <message>
        <source>The workshop would start in the past ({start}); choose a later date or time.</source>
        <translation>開始が過去の日時（{start}）になります。これより後の日付か時刻を選んでください。</translation>
    </message>
    <message>
        <source>{title} is running: end it before removing it.</source>
        <translation>「{title}」は進行中です。削除する前に終了してください。</translation>
    </message>
    <message>
        <source>The boards of {names} hold notes or drawings; removing them deletes those too (Undo brings them back). Remove them?</source>
        <translation>{names}のボードには付箋や描画があります。削除するとそれらも消えます（元に戻すで復元できます）。削除しますか？</translation>
    </message>
    <message>
        <source>Saved the template {name}; new workshops can start from it.</source>
        <translation>テンプレート「{name}」を保存しました。新しいワークショップで使えます。</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分</translation>
    </message>
    <message>
        <source>{minutes} min (planned {planned})</source>
        <translation>{minutes}分（予定 {planned}分）</translation>
    </message>
    <message>
        <source>{n}. {title}
{minutes} · {kind}</source>
        <translation>{n}. {title}
{minutes} · {kind}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>took {minutes} min</source>
        <translation>実績{minutes}分</translation>
    </message>
    <message>
        <source>The board of {group} alone</source>
        <translation>{group} のボードだけを表示</translation>
    </message>
</context>
<context>
    <name>BoardCommandActions</name>
    <message>
        <source>Cu&amp;t</source>
        <extracomment>Keys of the board&apos;s commands (handled by BoardView.keyPressEvent).</extracomment>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>複製(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>Bring to &amp;front</source>
        <translation>最前面へ(&amp;F)</translation>
    </message>
    <message>
        <source>Send to &amp;back</source>
        <translation>最背面へ(&amp;B)</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>赤</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>青</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>緑</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>オレンジ</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>黒</translation>
    </message>
    <message>
        <source>Usual colour</source>
        <translation>元の色に戻す</translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation>色(&amp;O)</translation>
    </message>
    <message>
        <source>A&amp;lign</source>
        <translation>整列(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;left edges</source>
        <translation>左揃え(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;centres</source>
        <translation>左右中央揃え(&amp;C)</translation>
    </message>
    <message>
        <source>Align &amp;right edges</source>
        <translation>右揃え(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;top edges</source>
        <translation>上揃え(&amp;T)</translation>
    </message>
    <message>
        <source>Align &amp;middles</source>
        <translation>上下中央揃え(&amp;M)</translation>
    </message>
    <message>
        <source>Align &amp;bottom edges</source>
        <translation>下揃え(&amp;B)</translation>
    </message>
    <message>
        <source>Distribute &amp;horizontally</source>
        <translation>左右に等間隔(&amp;H)</translation>
    </message>
    <message>
        <source>Distribute &amp;vertically</source>
        <translation>上下に等間隔(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Edit text</source>
        <translation>テキストを編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New note here</source>
        <translation>ここに付箋を追加(&amp;N)</translation>
    </message>
</context>
<context>
    <name>BoardCommands</name>
    <message>
        <source>Delete the frame</source>
        <translation>枠の削除</translation>
    </message>
    <message>
        <source>What becomes of what lies in the frame?</source>
        <translation>枠の中にある付箋などはどうしますか？</translation>
    </message>
    <message>
        <source>Kept, the notes stay on the board, outside any theme.</source>
        <translation>残した付箋はボードに残り、どのテーマにも属さなくなります。</translation>
    </message>
    <message>
        <source>Delete the frame, keep its contents</source>
        <translation>枠だけ削除（中身は残す）</translation>
    </message>
    <message>
        <source>Delete the frame and its contents</source>
        <translation>枠と中身を削除</translation>
    </message>
</context>
<context>
    <name>BoardCommandsController</name>
    <message>
        <source>&amp;Find a note…</source>
        <translation>付箋を検索(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>BoardScene</name>
    <message>
        <source>{group} ← typing here</source>
        <extracomment>Gap between group areas when all group boards are shown side by side. A sentence to show the user (a refused edit, a refused paste).</extracomment>
        <translation>{group} ← ここに入力中</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Replanned</source>
        <translation>再計画</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Ended at {end}: {minutes:+.0f} min against the plan ({planned}).</source>
        <translation>{end} に終了：予定（{planned}）に対して {minutes:+.0f} 分。</translation>
    </message>
    <message>
        <source>Drift: {minutes:+.0f} min, projected end {end}</source>
        <translation>予定とのずれ: {minutes:+.0f} 分、終了見込み {end}</translation>
    </message>
    <message>
        <source>Run a reflection workshop (振り返り) offline.</source>
        <translation>振り返りワークショップをオフラインで進行します。</translation>
    </message>
    <message>
        <source>language of messages, windows and minutes</source>
        <translation>メッセージ・画面・議事録の言語</translation>
    </message>
    <message>
        <source>render the window once it has loaded, save it as PNG and exit</source>
        <translation>ウィンドウを表示し終えたら PNG に保存して終了する</translation>
    </message>
    <message>
        <source>create a workshop file</source>
        <translation>ワークショップファイルを作成する</translation>
    </message>
    <message>
        <source>title of the workshop</source>
        <translation>ワークショップの題名</translation>
    </message>
    <message>
        <source>agenda template (standard, blank or a .json file)</source>
        <translation>プログラムのテンプレート（standard、blank または .json ファイル）</translation>
    </message>
    <message>
        <source>create from a JSON export instead</source>
        <translation>JSON エクスポートから作成する</translation>
    </message>
    <message>
        <source>print what a workshop holds, as one JSON object</source>
        <translation>ワークショップの内容を 1 つの JSON で表示する</translation>
    </message>
    <message>
        <source>add notes from a CSV, text or JSON file</source>
        <translation>CSV・テキスト・JSON ファイルから付箋を取り込む</translation>
    </message>
    <message>
        <source>session title, number or id</source>
        <translation>セッションの題名・番号・ID</translation>
    </message>
    <message>
        <source>group name or id</source>
        <translation>グループ名または ID</translation>
    </message>
    <message>
        <source>write the workshop as CSV, JSON, Markdown, PNG or SVG</source>
        <translation>ワークショップを CSV・JSON・Markdown・PNG・SVG で書き出す</translation>
    </message>
    <message>
        <source>only this frame or board (PNG/SVG)</source>
        <translation>このフレームまたはボードだけ（PNG/SVG）</translation>
    </message>
    <message>
        <source>resolution of a PNG</source>
        <translation>PNG の解像度</translation>
    </message>
    <message>
        <source>print the agenda with planned and actual times</source>
        <translation>プログラムを予定と実績の時刻つきで表示する</translation>
    </message>
    <message>
        <source>one JSON object instead of a table</source>
        <translation>表ではなく 1 つの JSON で表示する</translation>
    </message>
    <message>
        <source>propose themes for the notes of a workshop or CSV file</source>
        <translation>ワークショップまたは CSV の付箋からテーマを提案する</translation>
    </message>
    <message>
        <source>number of themes (chosen automatically without it)</source>
        <translation>テーマの数（省略すると自動）</translation>
    </message>
    <message>
        <source>one JSON object per note and line</source>
        <translation>付箋ごとに 1 行ずつ JSON で表示する</translation>
    </message>
    <message>
        <source>write the minutes (or the A3 poster) as PDF</source>
        <translation>議事録（またはA3ポスター）をPDFで書き出す</translation>
    </message>
    <message>
        <source>paper size (minutes: A4, poster: A3)</source>
        <translation>用紙サイズ（議事録: A4、ポスター: A3）</translation>
    </message>
    <message>
        <source>landscape pages</source>
        <translation>横向きのページ</translation>
    </message>
    <message>
        <source>open the demo workshop (the same copy each time, with your edits)</source>
        <translation>デモのワークショップを開く（毎回同じコピーで、編集した内容も残ります）</translation>
    </message>
    <message>
        <source>start the demo again from the original (your edits to it are replaced)</source>
        <translation>デモを最初の状態からやり直す（デモへの編集は置き換えられます）</translation>
    </message>
    <message>
        <source>one-page poster: the board pictures and the themes</source>
        <translation>1枚のポスター：ボードの図とテーマ一覧</translation>
    </message>
    <message>
        <source>only write the demo workshop to FILE</source>
        <translation>デモのワークショップを FILE に書き出すだけにする</translation>
    </message>
    <message>
        <source>open a workshop in the app</source>
        <translation>ワークショップをアプリで開く</translation>
    </message>
    <message>
        <source>Created {path}</source>
        <translation>{path} を作成しました</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>key words</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Proposed merges (near-duplicate notes)</source>
        <translation>統合の提案（ほぼ同じ付箋）</translation>
    </message>
    <message>
        <source>Imported {count} notes</source>
        <extracomment>Colours of groups an import creates, and the colour names a CSV may use.</extracomment>
        <translation>付箋を {count} 枚取り込みました</translation>
    </message>
    <message>
        <source>{count} other records</source>
        <translation>その他のデータ {count} 件</translation>
    </message>
    <message>
        <source>created {count} groups</source>
        <translation>グループを {count} 個作成</translation>
    </message>
    <message>
        <source>created {count} themes</source>
        <translation>テーマを {count} 個作成</translation>
    </message>
    <message>
        <source>skipped {count} empty rows</source>
        <translation>空の行 {count} 行を飛ばしました</translation>
    </message>
    <message>
        <source>removed {count} control characters</source>
        <translation>制御文字 {count} 文字を削除</translation>
    </message>
    <message>
        <source>ignored columns: {names}</source>
        <translation>使わなかった列：{names}</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>let the room&apos;s phones and laptops type into a workshop (local web server)</source>
        <translation>会場のスマートフォンやノートPCからワークショップに書き込めるようにする（ローカルのWebサーバー）</translation>
    </message>
    <message>
        <source>address to listen on (default: as last time, else 127.0.0.1; 0.0.0.0: every network)</source>
        <translation>待ち受けるアドレス（既定：前回と同じ、なければ 127.0.0.1。0.0.0.0：すべてのネットワーク）</translation>
    </message>
    <message>
        <source>port (default: as last time, else any free one)</source>
        <translation>ポート（既定：前回と同じ、なければ空いているもの）</translation>
    </message>
</context>
<context>
    <name>CaptureBar</name>
    <message>
        <source>The session this belongs to</source>
        <translation>どのセッションで決まったか</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Who does it: choose a participant or type a name</source>
        <translation>担当者：参加者から選ぶか、名前を入力</translation>
    </message>
    <message>
        <source>Due (e.g. 12/15)</source>
        <translation>期限（例: 12/15）</translation>
    </message>
    <message>
        <source>A date such as 12/15 or 2026-12-15, or words such as 「年内」</source>
        <translation>12/15 や 2026-12-15 などの日付、または「年内」などの言葉</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取り消し（Esc）</translation>
    </message>
    <message>
        <source>Enter saves · Esc cancels</source>
        <translation>Enterで保存・Escで取り消し</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>決定事項</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>宿題</translation>
    </message>
    <message>
        <source>What was decided</source>
        <translation>決まったこと</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>やること（何を）</translation>
    </message>
    <message>
        <source>(the workshop as a whole)</source>
        <translation>（ワークショップ全体）</translation>
    </message>
</context>
<context>
    <name>Chime</name>
    <message>
        <source>The chime is silent: sound is not available on this computer.</source>
        <translation>このコンピューターでは音が出せないため、チャイムは鳴りません。</translation>
    </message>
    <message>
        <source>The chime is silent: its sound file is missing.</source>
        <translation>音声ファイルが見つからないため、チャイムは鳴りません。</translation>
    </message>
</context>
<context>
    <name>ClockController</name>
    <message>
        <source>&amp;Clock</source>
        <extracomment>Drift (minutes behind) from which the banner proposes a replan. An ignored proposal comes back when the drift has grown this much more.</extracomment>
        <translation>時計(&amp;C)</translation>
    </message>
    <message>
        <source>Start no&amp;w (move the plan to now)</source>
        <translation>今から始める（予定を今にずらす）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1分</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5分</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1分</translation>
    </message>
    <message>
        <source>&amp;Next session</source>
        <translation>次のセッションへ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Back to the previous session</source>
        <translation>前のセッションに戻る(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;End the session</source>
        <translation>セッションを終了(&amp;E)</translation>
    </message>
    <message>
        <source>Show the &amp;room clock</source>
        <translation>会場用の時計を表示(&amp;R)</translation>
    </message>
    <message>
        <source>Room clock on &amp;screen</source>
        <translation>会場用の時計を表示する画面(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Large clock in presentation mode</source>
        <translation>プレゼンテーションモードで時計を大きく(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Mini timer</source>
        <translation>ミニタイマー(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;hime at 20%, 5% and time up</source>
        <translation>残り20%・5%・時間切れでチャイム(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Replan the rest of the day…</source>
        <translation>残りのプログラムを組み直す(&amp;R)…</translation>
    </message>
    <message>
        <source>Plan &amp;follows the actual start</source>
        <translation>予定を実際の開始時刻に合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>Shortest &amp;break when replanning…</source>
        <translation>組み直しでの休憩の最短時間(&amp;B)…</translation>
    </message>
    <message>
        <source>Edit the &amp;agenda…</source>
        <translation>プログラムを編集(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the agenda as a &amp;template…</source>
        <translation>プログラムをテンプレートとして保存(&amp;T)…</translation>
    </message>
    <message>
        <source>Clock: not running</source>
        <translation>時計: 停止中</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>（一時停止中）</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>Started: {title} (Shift+F6 takes it back)</source>
        <translation>「{title}」を開始しました（Shift+F6で取り消し）</translation>
    </message>
    <message>
        <source>The day has ended (Shift+F6 takes it back).</source>
        <translation>一日を終了しました（Shift+F6で取り消し）。</translation>
    </message>
    <message>
        <source>The rest of the agenda was shortened (Undo puts it back).</source>
        <translation>残りのプログラムを短縮しました（元に戻すで戻せます）。</translation>
    </message>
    <message>
        <source>Replanning follows the running session: start the clock first.</source>
        <translation>組み直しは進行中のセッションをもとに行います。先に時計を開始してください。</translation>
    </message>
    <message>
        <source>The day is on time: nothing to replan.</source>
        <translation>予定どおり進んでいます。組み直しは不要です。</translation>
    </message>
    <message>
        <source>Replanning</source>
        <translation>プログラムの組み直し</translation>
    </message>
    <message>
        <source>A replanning proposal never shortens a break below (minutes):</source>
        <translation>組み直しの提案で休憩をこれより短くしない（分）：</translation>
    </message>
    <message>
        <source>Click (or Shift+F9) to make the clock large or small</source>
        <extracomment>The large clock on the board in presentation mode: this share of the board&apos;s height.</extracomment>
        <translation>クリック（または Shift+F9）で時計を大きく／小さくします</translation>
    </message>
</context>
<context>
    <name>ClockFace</name>
    <message>
        <source>Paused</source>
        <extracomment>Share of the height for the title (the large board clock gives the digits more).</extracomment>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>The clock is not running</source>
        <translation>時計は止まっています</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>時間超過</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>次は「{title}」</translation>
    </message>
</context>
<context>
    <name>Cluster</name>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Theme {number}</source>
        <translation>テーマ {number}</translation>
    </message>
</context>
<context>
    <name>DetailsController</name>
    <message>
        <source>&amp;Workshop details…</source>
        <translation>ワークショップ情報(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Participants…</source>
        <translation>参加者(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Workshop details</source>
        <translation>ワークショップ情報</translation>
    </message>
    <message>
        <source>e.g. LOCAL X STAGE reflection workshop</source>
        <translation>例: LOCAL X STAGE 振り返りワークショップ</translation>
    </message>
    <message>
        <source>Date decided</source>
        <translation>日付あり</translation>
    </message>
    <message>
        <source>e.g. Prefectural office, meeting room 3</source>
        <translation>例: 県庁 第3会議室</translation>
    </message>
    <message>
        <source>e.g. Industrial Innovation Division</source>
        <translation>例: 〇〇県 産業イノベーション課</translation>
    </message>
    <message>
        <source>Why the workshop is held, in a few sentences</source>
        <translation>ワークショップの目的を数行で</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>タイトル(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>開催日(&amp;D)</translation>
    </message>
    <message>
        <source>T&amp;ime</source>
        <translation>時間(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>会場(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>主催(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>目的(&amp;P)</translation>
    </message>
    <message>
        <source>The minutes&apos; cover prints these. The start time is also where the programme&apos;s clock times begin.</source>
        <translation>議事録の表紙に印刷されます。開始時刻はプログラムの予定時刻の起点にもなります。</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>ふりかえり</translation>
    </message>
</context>
<context>
    <name>DeviceTips</name>
    <message>
        <source>(no name)</source>
        <translation>（名前なし）</translation>
    </message>
    <message>
        <source>{author}, sent from device {device} at {time}</source>
        <translation>{author}（端末 {device} から {time} に受信）</translation>
    </message>
</context>
<context>
    <name>DiskFullBanner</name>
    <message>
        <source>The disk is full: the last change was not saved. The file is intact and keeps everything saved before. Free some space (delete or move files); the note you typed stays in the entry bar: press Enter again to save it.</source>
        <translation>ディスクの空き容量が足りません。最後の変更は保存されていません。ファイルは壊れておらず、それまでの内容はすべて保存されています。不要なファイルを削除・移動して空き容量を増やしてください。入力中の付箋は入力欄に残っています。空きができたら、もう一度 Enter を押すと保存されます。</translation>
    </message>
</context>
<context>
    <name>DoorPanel</name>
    <message>
        <source>Join the workshop</source>
        <extracomment>The QR code takes at least this share of the screen&apos;s height. The URL&apos;s type: this share of the screen&apos;s height, shrunk to fit, never below the floor.</extracomment>
        <translation>参加受付</translation>
    </message>
    <message>
        <source>Scan to join — or type the address</source>
        <translation>QRコードを読み取って参加 — またはアドレスを入力</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>セッション：</translation>
    </message>
    <message>
        <source>Note-takers</source>
        <translation>記録係</translation>
    </message>
    <message>
        <source>Devices type straight onto their group&apos;s board and see its notes live</source>
        <translation>端末からグループのボードに直接書き込み、メモがその場で表示されます</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Devices&apos; notes stay private until you reveal them; phones can vote on themes</source>
        <translation>端末のメモは公開するまで非表示。スマホからテーマに投票できます</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>新しいコード</translation>
    </message>
    <message>
        <source>Every device is cut off and must scan the new code</source>
        <translation>すべての端末の接続が切れ、新しいコードを読み取り直す必要があります</translation>
    </message>
    <message>
        <source>Close the door</source>
        <translation>受付を終了</translation>
    </message>
    <message>
        <source>Stop receiving: the server stops</source>
        <translation>受付を終わります（サーバーを停止）</translation>
    </message>
    <message>
        <source>Devices connected: {n}</source>
        <translation>接続中の端末：{n}台</translation>
    </message>
    <message>
        <source>Reveal participants&apos; notes ({n})</source>
        <translation>参加者のメモを公開（{n}件）</translation>
    </message>
</context>
<context>
    <name>EncodingProgress</name>
    <message>
        <source>Computing the notes&apos; features… {done}/{total}</source>
        <translation>文の特徴を計算中… {done}/{total}</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong in Furikaeri. Everything typed so far is saved; you can go on working or start the app again.</source>
        <translation>ふりかえりで予期しないエラーが起きました。ここまでに入力した内容は保存されています。このまま作業を続けることも、アプリを起動し直すこともできます。</translation>
    </message>
    <message>
        <source>The details are in the log file (Help › Open the log folder):
{path}</source>
        <translation>詳しい情報はログファイルに記録しました（ヘルプ › ログフォルダを開く）：
{path}</translation>
    </message>
    <message>
        <source>Furikaeri: unexpected error</source>
        <translation>ふりかえり：予期しないエラー</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{text} is not a time of day (HH:MM).</source>
        <extracomment>A session may be planned for 1 minute to 12 hours. Shortest a non-break session may be squeezed to by a replanning proposal.</extracomment>
        <translation>{text} は時刻（HH:MM）ではありません。</translation>
    </message>
    <message>
        <source>A session lasts from {low} to {high} minutes, not {value}.</source>
        <translation>セッションの長さは {low}〜{high} 分です（{value} は指定できません）。</translation>
    </message>
    <message>
        <source>{path} is open in another window or cannot be written; nothing was imported.</source>
        <translation>{path} は別のウィンドウで開かれているか書き込めません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The app window is not available here (PySide6 is not installed).</source>
        <extracomment>The window commands&apos; runner, named (never imported) so the core runs without Qt.</extracomment>
        <translation>この環境ではアプリの画面を開けません（PySide6 がインストールされていません）。</translation>
    </message>
    <message>
        <source>No such file: {path}</source>
        <translation>ファイルがありません：{path}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file to import.</source>
        <translation>{path} はフォルダーです。取り込むファイルではありません。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path} を読めません：{reason}</translation>
    </message>
    <message>
        <source>Line {line} of {name} is neither UTF-8 nor Shift_JIS (CP932) text; save the file as CSV UTF-8 and try again.</source>
        <translation>{name} の {line} 行目は UTF-8 でも Shift_JIS（CP932）でもありません。「CSV UTF-8」で保存し直してください。</translation>
    </message>
    <message>
        <source>{name} mixes encodings: line {line} is {found} but earlier lines are {expected}; save the file in one encoding (CSV UTF-8).</source>
        <translation>{name} は文字コードが混ざっています：{line} 行目は {found} ですが、それより前の行は {expected} です。一つの文字コード（CSV UTF-8）で保存し直してください。</translation>
    </message>
    <message>
        <source>{name} cannot be read as {encoding} text: {reason}</source>
        <translation>{name} を {encoding} のテキストとして読めません：{reason}</translation>
    </message>
    <message>
        <source>{name} has broken quoting in the record starting at line {line} ({reason}); nothing was imported.</source>
        <translation>{name} の {line} 行目から始まる行で引用符（&quot;）が壊れています（{reason}）。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{name} has no column with the note text; its first row has: {headers}. Name the text column 本文 or text.</source>
        <translation>{name} に本文の列がありません。1 行目：{headers}。本文の列の見出しを「本文」か text にしてください。</translation>
    </message>
    <message>
        <source>{name} has no column with the note text; its columns are: {headers}. Name the text column 本文 or text.</source>
        <translation>{name} に本文の列がありません。列：{headers}。本文の列の見出しを「本文」か text にしてください。</translation>
    </message>
    <message>
        <source>Line {line} of {name} has {found} fields but the header has {expected}; quote texts that contain commas. Nothing was imported.</source>
        <translation>{name} の {line} 行目は {found} 列ありますが、見出しは {expected} 列です。カンマを含む本文は引用符（&quot;）で囲んでください。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Unknown export format {format} (use csv, json or md).</source>
        <extracomment>Columns of the CSV export; Japanese because organisers open it in Excel, and all of them are understood again by the CSV import.</extracomment>
        <translation>書き出し形式 {format} は使えません（csv、json、md のいずれかです）。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name to export to.</source>
        <translation>{path} はフォルダーです。書き出すファイル名を指定してください。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>フォルダー {folder} がありません。</translation>
    </message>
    <message>
        <source>The disk is full; {path} was not written.</source>
        <translation>ディスクの空き容量が足りないため、{path} を書き出せませんでした。</translation>
    </message>
    <message>
        <source>Cannot write in the folder {folder}; {path} was not written.</source>
        <translation>フォルダー {folder} に書き込めません。{path} は書き出していません。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path} を書き出せませんでした：{reason}</translation>
    </message>
    <message>
        <source>Cannot import {name}: use a .csv, .tsv, .txt or .json file.</source>
        <extracomment>Kinds of files: rows of columns (.csv, .tsv), one note a line (.txt), our JSON export. What may be chosen as a file&apos;s encoding (``None`` is &quot;detect it&quot;).</extracomment>
        <translation>{name} は取り込めません。.csv、.tsv、.txt、.json のファイルを使ってください。</translation>
    </message>
    <message>
        <source>{name} holds no notes; nothing was imported.</source>
        <extracomment>How many notes a preview lists.</extracomment>
        <translation>{name} には付箋がありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The note on line {line} of {name} has {count} characters; a note may hold at most {limit}. Nothing was imported.</source>
        <translation>{name} の {line} 行目の付箋は {count} 文字あります。付箋は {limit} 文字までです。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The text column of {name} is empty in every row; nothing was imported.</source>
        <translation>{name} の本文の列はすべての行で空です。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Line {line} of {name} has a name of more than {limit} characters; nothing was imported.</source>
        <translation>{name} の {line} 行目に {limit} 文字を超える名前があります。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>Line {line} of {name}: {value} is not a colour; use #RRGGBB or yellow, pink, blue, green, orange, purple (黄, ピンク, 青, 緑, オレンジ, 紫).</source>
        <translation>{name} の {line} 行目：{value} は色ではありません。#RRGGBB か 黄、ピンク、青、緑、オレンジ、紫（yellow, pink, blue, green, orange, purple）を使ってください。</translation>
    </message>
    <message>
        <source>Line {line} of {name}: votes must be a whole number, not {value}.</source>
        <translation>{name} の {line} 行目：票は整数で書いてください（{value} ではなく）。</translation>
    </message>
    <message>
        <source>The workshop has no session to import notes into; add one first.</source>
        <translation>付箋を取り込むセッションがありません。先にセッションを追加してください。</translation>
    </message>
    <message>
        <source>--session applies to a workshop file, and {path} is a CSV file.</source>
        <translation>--session はワークショップファイルに使います（{path} は CSV ファイルです）。</translation>
    </message>
    <message>
        <source>No session {value} in this workshop (sessions: {titles}).</source>
        <translation>このワークショップにセッション「{value}」はありません（セッション：{titles}）。</translation>
    </message>
    <message>
        <source>Line {line} of {name}: no session {value} in this workshop (sessions: {titles}).</source>
        <translation>{name} の {line} 行目：このワークショップにセッション「{value}」はありません（セッション：{titles}）。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON (line {line}: {reason}).</source>
        <translation>{name} は正しい JSON ではありません（{line} 行目：{reason}）。</translation>
    </message>
    <message>
        <source>{name} was exported by a newer version of Furikaeri (format {found}, this version reads up to {supported}); please update the app.</source>
        <extracomment>The ``format`` value of our JSON exports.</extracomment>
        <translation>{name} は新しいバージョンの Furikaeri で書き出されました（形式 {found}、このバージョンは {supported} まで読めます）。アプリを更新してください。</translation>
    </message>
    <message>
        <source>{name} is damaged: {table} {id} refers to {ref}, which it does not hold. Nothing was imported.</source>
        <translation>{name} は壊れています：{table} の {id} が、含まれていない {ref} を参照しています。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>{name} is not a Furikaeri JSON export ({detail}).</source>
        <translation>{name} は Furikaeri の JSON 書き出しではありません（{detail}）。</translation>
    </message>
    <message>
        <source>{name} is not a Furikaeri JSON export.</source>
        <translation>{name} は Furikaeri の JSON 書き出しではありません。</translation>
    </message>
    <message>
        <source>{name} holds records this workshop already has (such as {id}); it was probably exported from this workshop. Nothing was imported.</source>
        <translation>{name} には、このワークショップにすでにあるデータ（{id} など）が含まれています。このワークショップから書き出したファイルのようです。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>A file already exists at {path}; choose another name.</source>
        <translation>{path} は既にあります。別の名前にしてください。</translation>
    </message>
    <message>
        <source>Cannot write in the folder {folder}.</source>
        <translation>フォルダー {folder} に書き込めません。</translation>
    </message>
    <message>
        <source>The demo workshop is open in another window: close it there to start the demo again.</source>
        <extracomment>The user&apos;s one demo workshop, in their data folder (see :func:`open_user_demo`).</extracomment>
        <translation>デモのワークショップが別のウィンドウで開かれています。そちらで閉じてから、デモをやり直してください。</translation>
    </message>
    <message>
        <source>Could not create {path}: {reason}</source>
        <translation>{path} を作成できませんでした: {reason}</translation>
    </message>
    <message>
        <source>{path} was made by an older version and must be upgraded, but it cannot be written now.</source>
        <translation>{path} は古いバージョンで作成されたため更新が必要ですが、今は書き込めません。</translation>
    </message>
    <message>
        <source>{path} is open read-only; nothing was changed.</source>
        <translation>{path} は読み取り専用で開いています。何も変更していません。</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}</source>
        <translation>{path} に保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a workshop file.</source>
        <translation>{path} はフォルダーです。ワークショップファイルではありません。</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes): it is not a workshop file.</source>
        <translation>{path} は空（0 バイト）です。ワークショップファイルではありません。</translation>
    </message>
    <message>
        <source>{path} is not a workshop file.</source>
        <translation>{path} はワークショップファイルではありません。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a workshop file.</source>
        <translation>{path} は SQLite のデータベースですが、ワークショップファイルではありません。</translation>
    </message>
    <message>
        <source>{path} was saved by a newer version of Furikaeri (file format {found}, this version reads up to {supported}); please update the app.</source>
        <translation>{path} は新しいバージョンのふりかえりで保存されています（ファイル形式 {found}、このバージョンは {supported} まで）。アプリを更新してください。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be opened ({reason}).</source>
        <translation>{path} は壊れているため開けません（{reason}）。</translation>
    </message>
    <message>
        <source>No template named {name} (available: {names}).</source>
        <translation>テンプレート {name} はありません（使えるもの: {names}）。</translation>
    </message>
    <message>
        <source>The template&apos;s session {title} is not valid.</source>
        <translation>テンプレートのセッション {title} が正しくありません。</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>テンプレートには名前が必要です。</translation>
    </message>
    <message>
        <source>{name} cannot be a template name: leave out / \ : * ? &quot; &lt; &gt; |.</source>
        <translation>「{name}」はテンプレート名に使えません。/ \ : * ? &quot; &lt; &gt; | を含めないでください。</translation>
    </message>
    <message>
        <source>A shipped template is already named {name}; choose another name.</source>
        <translation>「{name}」は付属のテンプレートと同じ名前です。別の名前にしてください。</translation>
    </message>
    <message>
        <source>The template cannot be written to {folder}: {reason}</source>
        <translation>テンプレートを{folder}に保存できません：{reason}</translation>
    </message>
    <message>
        <source>There is no session to start.</source>
        <extracomment>A move between sessions can be taken back this long after it (F6 by mistake, noticed at once); later, going back is a move of its own (the previous session goes on). A day stopped part-way is over once it has stood still this long (or since another date). Colour phases of the room clock by share of time left.</extracomment>
        <translation>開始するセッションがありません。</translation>
    </message>
    <message>
        <source>The day has not started yet.</source>
        <translation>まだ開始していません。</translation>
    </message>
    <message>
        <source>The clock is not paused.</source>
        <translation>タイマーは一時停止していません。</translation>
    </message>
    <message>
        <source>No session is running.</source>
        <translation>進行中のセッションがありません。</translation>
    </message>
    <message>
        <source>A session cannot be shorter than one minute.</source>
        <translation>セッションを 1 分より短くはできません。</translation>
    </message>
    <message>
        <source>There is no earlier session.</source>
        <translation>前のセッションはありません。</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>空の付箋は作れません。</translation>
    </message>
    <message>
        <source>A note may hold at most {limit} characters; this one has {count}.</source>
        <translation>付箋は最大 {limit} 文字です（この付箋は {count} 文字）。</translation>
    </message>
    <message>
        <source>A record with id {id} already exists.</source>
        <translation>ID {id} のデータは既にあります。</translation>
    </message>
    <message>
        <source>Each participant needs between 1 and {max} dots.</source>
        <extracomment>Numbered voters when nobody is registered (the facilitator changes the count).</extracomment>
        <translation>一人あたりのドット数は1から{max}の間で指定してください。</translation>
    </message>
    <message>
        <source>A participant has already placed {count} dots; remove some first.</source>
        <translation>すでに{count}個のドットを置いた参加者がいます。先にドットを外してください。</translation>
    </message>
    <message>
        <source>The record {id} no longer exists.</source>
        <extracomment>The longest note a device may send (a phone&apos;s note is a sentence, not an essay). Device ids and note uids are made by the page: short, URL-safe.</extracomment>
        <translation>データ {id} はもうありません。</translation>
    </message>
    <message>
        <source>The workshop has no session yet.</source>
        <translation>ワークショップにまだセッションがありません。</translation>
    </message>
    <message>
        <source>Choose who is voting first.</source>
        <translation>先に投票する人を選んでください。</translation>
    </message>
    <message>
        <source>{name} has placed all {count} dots.</source>
        <translation>{name}さんは{count}個のドットをすべて置きました。</translation>
    </message>
    <message>
        <source>{name} has no dot here to remove.</source>
        <translation>ここには{name}さんの外せるドットがありません。</translation>
    </message>
    <message>
        <source>Choose two different notes to merge.</source>
        <translation>統合する2枚の別々の付箋を選んでください。</translation>
    </message>
    <message>
        <source>That board does not exist any more; nothing was moved.</source>
        <translation>そのボードはもうありません。何も移動しませんでした。</translation>
    </message>
    <message>
        <source>The demo workshop is not available in this build.</source>
        <translation>このビルドではデモのワークショップを使えません。</translation>
    </message>
    <message>
        <source>There are no notes to group into themes.</source>
        <extracomment>Fast path (USE + terms): weight of content-word TF-IDF against sentence vectors. Fast path, automatic k: the smallest k whose silhouette is within this of the best (the best alone over-splits: 37 themes for 9 news categories). Refined path (e5 vectors too): the same two, and e5&apos;s share of the sentence part. Boards of up to this many distinct notes are encoded with e5 on the spot when no e5 vectors are given (18 ms a note idle, ~100 ms on two busy cores: 0.4–2.4 s); larger ones take the fast path (USE + terms). Cosine at or above which two notes are flagged as near-duplicates. Themes above which they are grouped into parent groups. Polishing passes after the tree cut (stops early when nothing moves). A note whose mean cosine to the rest of its theme is below this is その他.</extracomment>
        <translation>テーマに分ける付箋がありません。</translation>
    </message>
    <message>
        <source>The number of themes must be between 1 and {count}, the number of notes.</source>
        <translation>テーマの数は 1 から付箋の数（{count}）までにしてください。</translation>
    </message>
    <message>
        <source>Note {index} placed in a theme is not among the {count} notes.</source>
        <translation>テーマに置いた付箋 {index} は {count} 枚の付箋の中にありません。</translation>
    </message>
    <message>
        <source>Could not write the screenshot {path}.</source>
        <translation>スクリーンショット {path} を書き出せませんでした。</translation>
    </message>
    <message>
        <source>The board has no frame titled {title}.</source>
        <extracomment>Largest PNG the export renders (pixels); beyond it a lower DPI is asked for.</extracomment>
        <translation>ボードに「{title}」という題のフレームはありません。</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>{path} を書き出せませんでした。</translation>
    </message>
    <message>
        <source>The resolution must be between 10 and 1200 dpi, not {dpi}.</source>
        <translation>解像度は 10〜1200 dpi にしてください（{dpi} は指定できません）。</translation>
    </message>
    <message>
        <source>The board is too large to export at {dpi} dpi; choose a lower resolution.</source>
        <translation>ボードが大きすぎて {dpi} dpi では書き出せません。解像度を下げてください。</translation>
    </message>
    <message>
        <source>The workshop has no session, so no board to export.</source>
        <translation>セッションがないため、書き出すボードがありません。</translation>
    </message>
    <message>
        <source>No session, group or frame is named {name}.</source>
        <translation>「{name}」という名前のセッション・グループ・フレームはありません。</translation>
    </message>
    <message>
        <source>The notes changed while themes were proposed; propose again.</source>
        <extracomment>Outline colours of themes, in order (told apart with colour blindness too).</extracomment>
        <translation>テーマの提案中に付箋が変わりました。もう一度提案してください。</translation>
    </message>
    <message>
        <source>Unknown paper size {paper} (use A4 or A3).</source>
        <translation>用紙サイズ {paper} は使えません（A4 または A3 を指定してください）。</translation>
    </message>
    <message>
        <source>{name} is too large to read ({size} MB; at most {limit} MB).</source>
        <extracomment>Canonical column -&gt; header names accepted (compared NFKC-normalised, casefolded, trimmed).</extracomment>
        <translation>{name} は大きすぎて読み込めません（{size} MB。上限は {limit} MB です）。</translation>
    </message>
    <message>
        <source>{name} cannot be read: it is not UTF-8 text.</source>
        <translation>{name} を読み込めません。UTF-8 のテキストではありません。</translation>
    </message>
    <message>
        <source>{name} cannot be read: its lists and objects are nested too deeply.</source>
        <translation>{name} を読み込めません。リストやオブジェクトの入れ子が深すぎます。</translation>
    </message>
    <message>
        <source>{name} cannot be read: it holds the number {number}, which a workshop cannot hold.</source>
        <translation>{name} を読み込めません。ワークショップに保存できない数値 {number} が含まれています。</translation>
    </message>
    <message>
        <source>The disk is full: the last change was not saved to {path}. The file itself is intact; free some space and try again.</source>
        <translation>ディスクの空き容量が足りないため、最後の変更を {path} に保存できませんでした。ファイルは壊れていません。空き容量を増やしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The disk is full, so {path} cannot be opened. The file itself is intact; free some space and try again.</source>
        <translation>ディスクの空き容量が足りないため、{path} を開けません。ファイルは壊れていません。空き容量を増やしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>{name} is not an agenda template.</source>
        <translation>{name} はプログラムのテンプレートではありません。</translation>
    </message>
    <message>
        <source>The template is not valid ({reason}).</source>
        <translation>テンプレートの内容が正しくありません（{reason}）。</translation>
    </message>
    <message>
        <source>The disk is full; {path} was not created.</source>
        <translation>ディスクの空き容量が足りないため、{path} を作成できませんでした。</translation>
    </message>
    <message>
        <source>Line {line} of {name} is not {encoding} text; choose another encoding.</source>
        <translation>{name} の {line} 行目は {encoding} のテキストではありません。別の文字コードを選んでください。</translation>
    </message>
    <message>
        <source>Image export is not available in this build.</source>
        <translation>この版では画像の書き出しは使えません。</translation>
    </message>
    <message>
        <source>That text is too long: at most {limit} characters.</source>
        <extracomment>The longest decision or action item text (longer is refused, never cut). The longest owner name or due text.
----------
Fields of the workshop&apos;s details a person edits (the rest is the agenda&apos;s or まとめ&apos;s). Longest single-line detail (a title, a venue) and the longest text (purpose, findings).</extracomment>
        <translation>長すぎます。{limit}文字までです。</translation>
    </message>
    <message>
        <source>That session does not exist any more.</source>
        <translation>そのセッションはもうありません。</translation>
    </message>
    <message>
        <source>Write what was decided first.</source>
        <translation>決まったことを入力してください。</translation>
    </message>
    <message>
        <source>Write what is to be done first.</source>
        <translation>やることを入力してください。</translation>
    </message>
    <message>
        <source>The number of voters must be between 0 and {max}.</source>
        <translation>投票者の人数は0〜{max}人にしてください。</translation>
    </message>
    <message>
        <source>{name} has already placed dots; take them back first.</source>
        <translation>{name}はすでにドットを置いています。先にドットを取り消してください。</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as 2026-11-23.</source>
        <translation>「{value}」は日付ではありません。2026-11-23 のように入力してください。</translation>
    </message>
    <message>
        <source>{value} is not a time; write it as 13:30.</source>
        <translation>「{value}」は時刻ではありません。13:30 のように入力してください。</translation>
    </message>
    <message>
        <source>Unknown role: {role}</source>
        <translation>不明な役割です: {role}</translation>
    </message>
    <message>
        <source>A participant needs a name; delete the row to remove them.</source>
        <translation>参加者には名前が必要です。削除するときは行を削除してください。</translation>
    </message>
    <message>
        <source>{name} is already in the list.</source>
        <translation>{name}はすでに登録されています。</translation>
    </message>
    <message>
        <source>That session does not exist any more; nothing was brought in.</source>
        <extracomment>The heading over each group&apos;s frames. A frame is at least as wide as its title (bold 14 px as the board draws it), up to this.</extracomment>
        <translation>そのセッションはもうありません。何も取り込んでいません。</translation>
    </message>
    <message>
        <source>The groups&apos; results go onto a plenary session&apos;s board.</source>
        <translation>グループの結果は全体セッションのボードに取り込みます。</translation>
    </message>
    <message>
        <source>The port must be between 0 and 65535.</source>
        <translation>ポートは 0 から 65535 の間で指定してください。</translation>
    </message>
    <message>
        <source>{path} is open in another window or cannot be written.</source>
        <translation>{path} は別のウィンドウで開かれているか、書き込めません。</translation>
    </message>
    <message>
        <source>Cannot listen on {host}:{port}: {reason}</source>
        <translation>{host}:{port} で待ち受けできません：{reason}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>[{votes} votes]</source>
        <translation>［{votes} 票］</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>ワークショップ</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>日付: {date}</translation>
    </message>
    <message>
        <source>Venue: {value}</source>
        <translation>会場: {value}</translation>
    </message>
    <message>
        <source>Organiser: {value}</source>
        <translation>主催: {value}</translation>
    </message>
    <message>
        <source>Purpose: {value}</source>
        <translation>目的: {value}</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Other notes</source>
        <translation>その他の付箋</translation>
    </message>
    <message>
        <source>Key findings</source>
        <translation>主な気づき</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>決定事項</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>宿題</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>期限 {date}</translation>
    </message>
    <message>
        <source>{title} ({minutes} min)</source>
        <translation>{title}（{minutes} 分）</translation>
    </message>
    <message>
        <source>Actual time: {start} – {end}</source>
        <translation>実績: {start} – {end}</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV（Excel 用） (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON, the whole workshop (*.json)</source>
        <translation>JSON（ワークショップ全体） (*.json)</translation>
    </message>
    <message>
        <source>PNG image of the board (*.png)</source>
        <translation>ボードの PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing of the board (*.svg)</source>
        <translation>ボードの SVG 図 (*.svg)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>欠席</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <source>&amp;Import…</source>
        <extracomment>What an import reads (import_source.KIND_BY_SUFFIX, not imported at start: csv, json).</extracomment>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>付箋をインポート</translation>
    </message>
    <message>
        <source>Notes and workshop records (*.csv *.tsv *.txt *.json)</source>
        <translation>付箋とワークショップの記録 (*.csv *.tsv *.txt *.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv)</source>
        <translation>タブ区切り (*.tsv)</translation>
    </message>
    <message>
        <source>Text, one note a line (*.txt)</source>
        <translation>テキスト（1 行に付箋 1 枚） (*.txt)</translation>
    </message>
    <message>
        <source>JSON export (*.json)</source>
        <translation>JSON の書き出し (*.json)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Open or create a workshop first; then its board can take the notes.</source>
        <translation>先にワークショップを開くか作成してください。そのボードに付箋を取り込めます。</translation>
    </message>
    <message>
        <source>This workshop is open read-only; nothing can be imported into it.</source>
        <translation>このワークショップは読み取り専用で開いているので、取り込めません。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find a note on every board</source>
        <extracomment>A hit to show on the board. The bar was closed (the board may take the keyboard back).</extracomment>
        <translation>すべてのボードの付箋を検索</translation>
    </message>
    <message>
        <source>Previous note (Shift+Enter)</source>
        <translation>前の付箋 (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next note (Enter)</source>
        <translation>次の付箋 (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>閉じる (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <source>No note found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} 件</translation>
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation>{count} 件中 {index} 件目</translation>
    </message>
</context>
<context>
    <name>GroupsIn</name>
    <message>
        <source>From {group} ({session})</source>
        <translation>{group} より（{session}）</translation>
    </message>
    <message>
        <source>{group}: {label}</source>
        <translation>{group}：{label}</translation>
    </message>
    <message>
        <source>Other ({group})</source>
        <translation>その他（{group}）</translation>
    </message>
</context>
<context>
    <name>GroupsInController</name>
    <message>
        <source>Bring in the groups&apos; results…</source>
        <translation>グループの結果を取り込む…</translation>
    </message>
    <message>
        <source>Copy each group&apos;s themes with their notes onto the plenary board in view</source>
        <translation>各グループのテーマを付箋と一緒に、表示中の全体ボードへ写します</translation>
    </message>
    <message>
        <source>Bring in…</source>
        <translation>取り込む…</translation>
    </message>
    <message>
        <source>The results of {session} ({groups}) can come onto this board.</source>
        <translation>{session}（{groups}）の結果を、このボードに取り込めます。</translation>
    </message>
    <message>
        <source>Show a plenary session&apos;s board to bring the groups&apos; results onto it.</source>
        <translation>グループの結果を取り込むには、全体セッションのボードを表示してください。</translation>
    </message>
    <message>
        <source>Bring in the groups&apos; results</source>
        <translation>グループの結果を取り込む</translation>
    </message>
    <message>
        <source>The groups&apos; results are on this board (Ctrl+Z takes them back).</source>
        <translation>グループの結果をこのボードに取り込みました（Ctrl+Z で元に戻せます）。</translation>
    </message>
</context>
<context>
    <name>GroupsInDialog</name>
    <message>
        <source>Bring in the groups&apos; results</source>
        <translation>グループの結果を取り込む</translation>
    </message>
    <message>
        <source>Each group&apos;s themes come onto the board of {session} as frames titled with the group&apos;s name, with copies of their notes. The groups&apos; own boards stay as they are. Ctrl+Z takes it all back in one step.</source>
        <translation>各グループのテーマを、グループ名の付いた枠として付箋の写しと一緒に「{session}」のボードに並べます。グループのボードはそのまま残ります。Ctrl+Z で一度に元に戻せます。</translation>
    </message>
    <message>
        <source>A group brought in before is made anew: what was done to its copies on this board (moves, edits, votes) is lost.</source>
        <translation>取り込み済みのグループは作り直します。このボードで写しに加えた移動・編集・投票は失われます。</translation>
    </message>
    <message>
        <source>Bring in</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>From the session:</source>
        <translation>取り込むセッション：</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>グループ：</translation>
    </message>
    <message>
        <source>{group}: no notes</source>
        <translation>{group}：付箋なし</translation>
    </message>
    <message>
        <source>{group}: brought in already (tick to make it anew)</source>
        <translation>{group}：取り込み済み（チェックすると作り直します）</translation>
    </message>
    <message>
        <source>{group}: {notes} notes, {themes} themes</source>
        <translation>{group}：付箋 {notes} 枚・テーマ {themes} 個</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <extracomment>Column meanings offered, in the order shown (see csv_input.HEADER_ALIASES). Group combo data: follow the file&apos;s group column / the session&apos;s own board.</extracomment>
        <translation>{name} のインポート</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>The first row names the columns</source>
        <translation>1 行目は見出し</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>記入者</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>取り込み先</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>セッション：</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>ボード：</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>ボード</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>{encoding} として読み込み</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Column {number}</source>
        <translation>{number} 列目</translation>
    </message>
    <message>
        <source>As the file&apos;s session column says</source>
        <translation>ファイルのセッション列のとおり</translation>
    </message>
    <message>
        <source>As the file&apos;s group column says</source>
        <translation>ファイルのグループ列のとおり</translation>
    </message>
    <message>
        <source>The session&apos;s own board</source>
        <translation>全体のボード</translation>
    </message>
    <message>
        <source>Choose the column that holds the note text.</source>
        <translation>本文の列を選んでください。</translation>
    </message>
    <message>
        <source>Nothing will be imported: {reason}</source>
        <translation>このままでは取り込めません：{reason}</translation>
    </message>
    <message>
        <source>Notes to import: {count}. The first {shown} are shown.</source>
        <translation>取り込む付箋：{count} 枚。最初の {shown} 枚を表示しています。</translation>
    </message>
    <message>
        <source>Notes to import: {count}.</source>
        <translation>取り込む付箋：{count} 枚。</translation>
    </message>
    <message>
        <source>new groups: {count}</source>
        <translation>新しいグループ {count}</translation>
    </message>
    <message>
        <source>new themes: {count}</source>
        <translation>新しいテーマ {count}</translation>
    </message>
    <message>
        <source>empty rows skipped: {count}</source>
        <translation>空の行 {count} は飛ばします</translation>
    </message>
    <message>
        <source>control characters removed: {count}</source>
        <translation>制御文字 {count} 個を除きます</translation>
    </message>
    <message>
        <source>columns not imported: {names}</source>
        <translation>使わない列：{names}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{summary} ({details})</source>
        <translation>{summary}（{details}）</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>themes</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>付箋</translation>
    </message>
    <message>
        <source>pen strokes</source>
        <translation>手書きの線</translation>
    </message>
    <message>
        <source>arrows</source>
        <translation>矢印</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>headings</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>stamps</source>
        <translation>スタンプ</translation>
    </message>
    <message>
        <source>decisions</source>
        <translation>決定事項</translation>
    </message>
    <message>
        <source>action items</source>
        <translation>宿題</translation>
    </message>
    <message>
        <source>clock records</source>
        <translation>時計の記録</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation>{name} {count}</translation>
    </message>
    <message>
        <source>A whole workshop&apos;s records; each goes to its own session and group. This workshop&apos;s details and settings stay as they are.</source>
        <translation>ワークショップ全体の記録です。それぞれ元のセッションとグループに入ります。このワークショップの概要と設定は変わりません。</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <source>Only text can be pasted into a note.</source>
        <extracomment>The object replacement character an image leaves in a text document.</extracomment>
        <translation>付箋に貼り付けられるのはテキストだけです。</translation>
    </message>
    <message>
        <source>Paste as plain text</source>
        <translation>テキストとして貼り付け</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>InterfaceDialog</name>
    <message>
        <source>Open the door</source>
        <translation>参加受付</translation>
    </message>
    <message>
        <source>Devices join over the network you choose here: pick the one the room&apos;s phones and laptops are on (the same Wi-Fi).</source>
        <translation>ここで選んだネットワークから端末が参加します。会場のスマホやパソコンがつながっているネットワーク（同じWi-Fi）を選んでください。</translation>
    </message>
    <message>
        <source>{host} — this computer only (for a try)</source>
        <translation>{host} — このパソコンのみ（試用）</translation>
    </message>
</context>
<context>
    <name>LanController</name>
    <message>
        <source>&amp;Join</source>
        <extracomment>How often the number of connected devices is read from the server. The menu&apos;s and panel&apos;s counts follow the notes at most this often.</extracomment>
        <translation>参加(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Open the door…</source>
        <translation>参加受付(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the door</source>
        <translation>参加受付</translation>
    </message>
    <message>
        <source>Let the room&apos;s phones and laptops type into this workshop over the local network</source>
        <translation>会場のスマホやパソコンから、ローカルネットワーク経由でこのワークショップに書き込めるようにします</translation>
    </message>
    <message>
        <source>&amp;Close the door</source>
        <translation>受付を終了(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New code (cut every device off)</source>
        <translation>新しいコード(&amp;N)（すべての端末を切断）</translation>
    </message>
    <message>
        <source>Devices are &amp;note-takers</source>
        <translation>端末は記録係(&amp;N)</translation>
    </message>
    <message>
        <source>Devices are &amp;participants (private notes)</source>
        <translation>端末は参加者(&amp;P)（メモは非公開）</translation>
    </message>
    <message>
        <source>The door was open when the app stopped: it is open again, and devices reconnect by themselves.</source>
        <translation>前回の終了時に受付中だったため、参加受付を再開しました。端末は自動で再接続します。</translation>
    </message>
    <message>
        <source>The door is open again on a new address: devices must scan the code again.</source>
        <translation>参加受付を新しいアドレスで再開しました。端末はQRコードを読み取り直してください。</translation>
    </message>
    <message>
        <source>This workshop is open read-only: devices cannot type into it.</source>
        <translation>このワークショップは読み取り専用で開いているため、端末から書き込めません。</translation>
    </message>
    <message>
        <source>The door is closed.</source>
        <translation>参加受付を終了しました。</translation>
    </message>
    <message>
        <source>New code: devices must scan it again.</source>
        <translation>新しいコードを発行しました。端末はコードを読み取り直してください。</translation>
    </message>
    <message>
        <source>The door could not be opened on {host}: is this computer still on that network?</source>
        <translation>{host} で参加受付を開始できませんでした。このパソコンはまだそのネットワークにつながっていますか？</translation>
    </message>
    <message>
        <source>Participants&apos; notes are on the board. Ctrl+Z hides them again.</source>
        <translation>参加者のメモをボードに公開しました。Ctrl+Z で非公開に戻せます。</translation>
    </message>
    <message>
        <source>Door open · devices: {n}</source>
        <translation>受付中 · {n}台</translation>
    </message>
    <message>
        <source>&amp;Reveal participants&apos; notes ({n})</source>
        <translation>参加者のメモを公開(&amp;R)（{n}件）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workshops (*.furikaeri)</source>
        <translation>ワークショップ (*.furikaeri)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <source>Start the demo again</source>
        <translation>デモをやり直す</translation>
    </message>
    <message>
        <source>Replace the demo workshop with a new copy? What was done in the demo (notes, themes, times) is lost.</source>
        <translation>デモのワークショップを最初の状態に戻しますか？デモで行った変更（付箋、テーマ、時刻など）は失われます。</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>ふりかえり</translation>
    </message>
    <message>
        <source>Reloaded from the file.</source>
        <translation>ファイルから読み込み直しました。</translation>
    </message>
    <message>
        <source>The file cannot be read any more.</source>
        <translation>ファイルを読み込めなくなりました。</translation>
    </message>
    <message>
        <source>Another program changed the file; use File › Reload to see its changes.</source>
        <translation>別のプログラムがファイルを変更しました。［ファイル］›［ファイルから再読み込み］で反映できます。</translation>
    </message>
    <message>
        <source>Open a workshop</source>
        <translation>ワークショップを開く</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>新しいワークショップ</translation>
    </message>
    <message>
        <source>This session has no groups.</source>
        <translation>このセッションにはグループがありません。</translation>
    </message>
    <message>
        <source>Nothing to add: the note is empty.</source>
        <translation>付箋が空なので追加しません。</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>付箋を追加しました。</translation>
    </message>
    <message>
        <source>{title} — Read-only</source>
        <translation>{title} — 読み取り専用</translation>
    </message>
    <message>
        <source>{title} — Saved</source>
        <translation>{title} — 保存済み</translation>
    </message>
    <message>
        <source>Every edit is saved as it is made.</source>
        <translation>編集はその場で保存されます。</translation>
    </message>
    <message>
        <source>Read-only: notes cannot be added.</source>
        <translation>読み取り専用のため付箋を追加できません。</translation>
    </message>
    <message>
        <source>Read-only: another window or program has this file open.</source>
        <translation>読み取り専用: 別のウィンドウかプログラムがこのファイルを開いています。</translation>
    </message>
    <message>
        <source>Read-only: this file or its folder cannot be written.</source>
        <translation>読み取り専用: このファイルかフォルダーに書き込めません。</translation>
    </message>
    <message>
        <source>Read-only.</source>
        <translation>読み取り専用</translation>
    </message>
</context>
<context>
    <name>MiniTimer</name>
    <message>
        <source>Mini timer</source>
        <translation>ミニタイマー</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1分</translation>
    </message>
    <message>
        <source>Hide the mini timer</source>
        <translation>ミニタイマーを隠す</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>次は「{title}」</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
</context>
<context>
    <name>OutcomesController</name>
    <message>
        <source>Record a &amp;decision…</source>
        <translation>決定事項を記録(&amp;D)…</translation>
    </message>
    <message>
        <source>Record an &amp;action item…</source>
        <translation>宿題を記録(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;List of decisions and action items</source>
        <translation>決定事項と宿題の一覧(&amp;L)</translation>
    </message>
    <message>
        <source>Record a decision of this session ({key})</source>
        <translation>このセッションの決定事項を記録（{key}）</translation>
    </message>
    <message>
        <source>Record an action item: what, who, by when ({key})</source>
        <translation>宿題を記録：何を・誰が・いつまでに（{key}）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>決定</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>宿題</translation>
    </message>
    <message>
        <source>&amp;Outcomes</source>
        <translation>決定と宿題(&amp;O)</translation>
    </message>
    <message>
        <source>Read-only: nothing can be recorded.</source>
        <translation>読み取り専用のため記録できません。</translation>
    </message>
    <message>
        <source>Decision recorded. Ctrl+Z takes it back.</source>
        <translation>決定事項を記録しました。Ctrl+Zで取り消せます。</translation>
    </message>
    <message>
        <source>Action item recorded. Ctrl+Z takes it back.</source>
        <translation>宿題を記録しました。Ctrl+Zで取り消せます。</translation>
    </message>
    <message>
        <source>Decisions and action items</source>
        <translation>決定事項と宿題</translation>
    </message>
</context>
<context>
    <name>OutcomesPanel</name>
    <message>
        <source>(the workshop as a whole)</source>
        <extracomment>Column -&gt; field of the two tables.</extracomment>
        <translation>（ワークショップ全体）</translation>
    </message>
    <message>
        <source>+ Decision</source>
        <translation>＋ 決定事項</translation>
    </message>
    <message>
        <source>+ Action item</source>
        <translation>＋ 宿題</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>決定事項</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>済</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>宿題</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Past its due date</source>
        <translation>期限を過ぎています</translation>
    </message>
    <message>
        <source>Decisions ({count})</source>
        <translation>決定事項（{count}件）</translation>
    </message>
    <message>
        <source>Action items ({count}, {done} done)</source>
        <translation>宿題（{count}件・完了{done}件）</translation>
    </message>
</context>
<context>
    <name>ParticipantsDialog</name>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>&amp;Paste a list…</source>
        <translation>リストを貼り付け(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSVを読み込む(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下へ(&amp;W)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Type in the last row to add a person; paste a list copied from Excel or a mail with Ctrl+V (one person a line: name, organisation). Ctrl+Z undoes.</source>
        <translation>最後の行に名前を入力すると追加されます。Excelやメールからコピーした名簿は Ctrl+V で貼り付けられます（1行に1人：名前, 所属）。Ctrl+Zで元に戻せます。</translation>
    </message>
    <message>
        <source>{count} registered: {present} present, {absent} absent</source>
        <translation>登録{count}人（出席{present}人・欠席{absent}人）</translation>
    </message>
    <message>
        <source>Added {count} people.</source>
        <translation>{count}人を追加しました。</translation>
    </message>
    <message>
        <source>{count} already in the list were left out.</source>
        <translation>登録済みの{count}人は追加しませんでした。</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>参加者を読み込む</translation>
    </message>
    <message>
        <source>Lists of people (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>名簿 (*.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>ふりかえり</translation>
    </message>
    <message>
        <source>Removed {count} people. Ctrl+Z brings them back.</source>
        <translation>{count}人を削除しました。Ctrl+Zで元に戻せます。</translation>
    </message>
</context>
<context>
    <name>PenOptions</name>
    <message>
        <source>Pen:</source>
        <extracomment>Ink colours always offered (black, red, blue). Pen widths (points): thin, medium, thick.</extracomment>
        <translation>ペン:</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>細</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Thick</source>
        <translation>太</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>黒</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>赤</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>青</translation>
    </message>
    <message>
        <source>Group colour</source>
        <translation>グループの色</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Type a name to add a person…</source>
        <translation>名前を入力して追加…</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>欠席</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Furikaeri — projector</source>
        <extracomment>Text the back of a 10 m room reads: glyphs at least 1/40 of the screen height (issue 14). A font&apos;s pixel size is its em; CJK glyphs fill ~0.9 of it, Latin capitals ~0.7, so aim the em a little higher than 1/40. However small its type, a selection is never magnified beyond this.</extracomment>
        <translation>ふりかえり — プロジェクター</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <source>Propose themes to group this board&apos;s notes.</source>
        <translation>「テーマを提案」でこのボードの付箋をグループにまとめます。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>表札</translation>
    </message>
    <message>
        <source>Key words</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>付箋</translation>
    </message>
    <message>
        <source>Near-duplicate notes</source>
        <translation>ほぼ同じ内容の付箋</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Start dot voting</source>
        <translation>ドット投票を始める</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>フォルダ</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ドライブ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 ファイル</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>両面印刷</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>長辺とじ</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>短辺とじ</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>ページセット(&amp;S):</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>ページまたは範囲をカンマで区切って指定します。範囲は 2 つの数字をハイフンでつなぎます。例: 3,5-7,9 で 3、5、6、7、9 ページを印刷します。</translation>
    </message>
</context>
<context>
    <name>QuickEntryBar</name>
    <message>
        <source>Speaker</source>
        <translation>発言者</translation>
    </message>
    <message>
        <source>Author of the next notes (or type @name before the note)</source>
        <translation>次の付箋の発言者（付箋の前に @名前 と書いても指定できます）</translation>
    </message>
    <message>
        <source>Type a note and press Enter  ·  @name sets the author  ·  Tab switches the group</source>
        <translation>付箋を入力して Enter  ·  @名前 で発言者  ·  Tab でグループ切り替え</translation>
    </message>
    <message>
        <source>Typing into {board} (Tab: next group)</source>
        <translation>入力先：{board}（Tab で次のグループ）</translation>
    </message>
    <message>
        <source>Typing into {board} (plenary board)</source>
        <translation>入力先：{board}（全体ボード）</translation>
    </message>
    <message>
        <source>Typing into {board}</source>
        <translation>入力先：{board}</translation>
    </message>
</context>
<context>
    <name>ReplanBanner</name>
    <message>
        <source>Accept</source>
        <translation>受け入れる</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>無視する</translation>
    </message>
    <message>
        <source>{minutes} min behind the plan.</source>
        <translation>{minutes}分押しています。</translation>
    </message>
    <message>
        <source>Nothing left on the agenda can be shortened.</source>
        <translation>残りのプログラムに短縮できるものはありません。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{title} {old}→{new} min</source>
        <translation>{title} {old}→{new}分</translation>
    </message>
    <message>
        <source>Shorten what is left: {cuts}.</source>
        <translation>残りを短縮：{cuts}。</translation>
    </message>
    <message>
        <source>{minutes} min cannot be absorbed.</source>
        <translation>{minutes}分は吸収できません。</translation>
    </message>
    <message>
        <source>The day then ends at {end}.</source>
        <translation>終了は{end}になります。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Replanned</source>
        <translation>再計画</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Time per session</source>
        <translation>セッションごとの時間</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Notes per theme</source>
        <translation>テーマごとの付箋数</translation>
    </message>
    <message>
        <source>Votes per theme</source>
        <translation>テーマごとの票数</translation>
    </message>
    <message>
        <source>{notes} notes in {themes} themes.</source>
        <extracomment>Longest quote in a draft; longer notes are shortened there (never in the listing). Notes compared per theme when choosing (keeps a 2,000-note theme fast).</extracomment>
        <translation>付箋{notes}枚、テーマ{themes}件。</translation>
    </message>
    <message>
        <source>Untitled workshop</source>
        <translation>無題のワークショップ</translation>
    </message>
    <message>
        <source>Text in these pictures is at least {pt} pt</source>
        <translation>この図の文字は最小 {pt} pt</translation>
    </message>
    <message>
        <source>The workshop has no graphic record yet.</source>
        <translation>グラフィックレコードはまだありません。</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>{notes} notes</source>
        <translation>付箋{notes}枚</translation>
    </message>
    <message>
        <source>{votes} votes</source>
        <translation>{votes}票</translation>
    </message>
    <message>
        <source>No notes were captured.</source>
        <translation>付箋は記録されていません。</translation>
    </message>
    <message>
        <source>part {n}</source>
        <translation>部分{n}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title}（続き）</translation>
    </message>
    <message>
        <source>Theme {n}</source>
        <translation>テーマ{n}</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>&amp;Print the minutes…</source>
        <translation>議事録を印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the minutes as &amp;PDF…</source>
        <translation>議事録をPDFに保存(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the A3 &amp;poster as PDF…</source>
        <translation>A3ポスターをPDFに保存(&amp;O)…</translation>
    </message>
    <message>
        <source>Edit the &amp;summaries…</source>
        <translation>まとめを編集(&amp;S)…</translation>
    </message>
    <message>
        <source>Building the minutes…</source>
        <translation>議事録を作成しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>ふりかえり</translation>
    </message>
    <message>
        <source>Save the minutes as PDF</source>
        <translation>議事録をPDFに保存</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF文書 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the A3 poster as PDF</source>
        <translation>A3ポスターをPDFに保存</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>ファシリテーター</translation>
    </message>
    <message>
        <source>Note-taker</source>
        <translation>書記</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>有識者</translation>
    </message>
    <message>
        <source>Graphic recorder</source>
        <translation>グラフィックレコーダー</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主催者</translation>
    </message>
</context>
<context>
    <name>RoomClockWindow</name>
    <message>
        <source>Room clock</source>
        <translation>会場用の時計</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <extracomment>How long the way back (「閉じる（Esc）」) stays before it fades; a mouse move brings it back.</extracomment>
        <translation>閉じる（Esc）</translation>
    </message>
    <message>
        <source>Double-click the clock to switch between full screen and a window.</source>
        <translation>時計をダブルクリックすると、全画面とウィンドウを切り替えます。</translation>
    </message>
</context>
<context>
    <name>RoomLayout</name>
    <message>
        <source>Outside the frames</source>
        <translation>枠の外</translation>
    </message>
    <message>
        <source>{count} more themes</source>
        <translation>ほか {count} テーマ</translation>
    </message>
    <message>
        <source>No notes on this board yet.</source>
        <translation>このボードにはまだ付箋がありません。</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>ほか {count} 枚</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>付箋 {count} 枚</translation>
    </message>
    <message>
        <source>(no notes)</source>
        <translation>（付箋なし）</translation>
    </message>
</context>
<context>
    <name>RoomMode</name>
    <message>
        <source>The room view (the board is unchanged) · Tab: the board as drawn · click a theme or a note, or PageDown: zoom in · Esc: leave</source>
        <translation>会場向けの表示（ボードは変わりません）・ Tab：実際のボード ・ テーマや付箋をクリック、または PageDown：拡大 ・ Esc：終了</translation>
    </message>
    <message>
        <source>Tab: large cards for the room · PageDown / PageUp: next / previous theme · Esc: leave</source>
        <translation>Tab：大きな付箋で一覧 ・ PageDown / PageUp：次 / 前のテーマ ・ Esc：終了</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Line {line} has no name and was left out.</source>
        <extracomment>Column -&gt; header names accepted (compared NFKC-normalised and casefolded). Role -&gt; words that name it in a list (compared NFKC-normalised and casefolded).</extracomment>
        <translation>{line}行目は名前がないため読み込みませんでした。</translation>
    </message>
    <message>
        <source>Line {line}: 「{word}」 is neither a role nor an attendance; it was left out.</source>
        <translation>{line}行目：「{word}」は役割でも出欠でもないため無視しました。</translation>
    </message>
    <message>
        <source>Line {line}: the role 「{word}」 is not known; the person is listed as a participant.</source>
        <translation>{line}行目：役割「{word}」がわからないため参加者として登録します。</translation>
    </message>
    <message>
        <source>Line {line}: the attendance 「{word}」 is not 出席 or 欠席; the person is counted as present.</source>
        <translation>{line}行目：出欠「{word}」は出席・欠席のどちらでもないため出席として扱います。</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Import participants</source>
        <translation>参加者を読み込む</translation>
    </message>
    <message>
        <source>Paste a list of participants</source>
        <translation>参加者リストを貼り付け</translation>
    </message>
    <message>
        <source>Paste the list below: one person a line, as 「名前, 所属」, tab-separated cells copied from Excel, or 「名前（所属）」. A third cell may give the role (書記, 有識者…) and a fourth the attendance (出席/欠席).</source>
        <translation>下に名簿を貼り付けてください。1行に1人で「名前, 所属」、Excelからコピーしたタブ区切り、または「名前（所属）」の形。3つ目の欄に役割（書記、有識者…）、4つ目の欄に出欠（出席/欠席）を書けます。</translation>
    </message>
    <message>
        <source>{file} — read as {encoding}</source>
        <translation>{file}（文字コード: {encoding}）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出欠</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>欠席</translation>
    </message>
    <message>
        <source>Already in the list: not added again</source>
        <translation>登録済みのため追加しません</translation>
    </message>
    <message>
        <source>{count} people will be added.</source>
        <translation>{count}人を追加します。</translation>
    </message>
    <message>
        <source>{count} already in the list (greyed) are left out.</source>
        <translation>登録済みの{count}人（灰色）は追加しません。</translation>
    </message>
    <message>
        <source>Add {count} people</source>
        <translation>{count}人を追加</translation>
    </message>
</context>
<context>
    <name>SceneCommands</name>
    <message>
        <source>Only text can be pasted onto the board.</source>
        <extracomment>Clipboard format of copied board elements (JSON records).</extracomment>
        <translation>ボードに貼り付けられるのはテキストだけです。</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>ショートカット一覧</translation>
    </message>
    <message>
        <source>Every key Furikaeri answers to. The menus show the same keys beside their commands.</source>
        <translation>ふりかえりで使えるキー操作の一覧です。メニューにも各コマンドの横に同じキーが表示されます。</translation>
    </message>
    <message>
        <source>Typing notes (the bar at the bottom)</source>
        <translation>付箋の入力（画面下の入力欄）</translation>
    </message>
    <message>
        <source>Add the note (with a Japanese input method, the first Enter confirms the conversion)</source>
        <translation>付箋を追加（日本語入力中は、最初の Enter で変換を確定）</translation>
    </message>
    <message>
        <source>Next / previous group</source>
        <translation>次のグループ／前のグループ</translation>
    </message>
    <message>
        <source>Set the author: start with @ and the name, then a space</source>
        <translation>発言者を指定：@ と名前で始め、空白を入れて本文</translation>
    </message>
    <message>
        <source>@name text</source>
        <translation>@名前 本文</translation>
    </message>
    <message>
        <source>On the board</source>
        <translation>ボード</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>拡大・縮小</translation>
    </message>
    <message>
        <source>{ctrl}+wheel / pinch</source>
        <translation>{ctrl}+ホイール／ピンチ</translation>
    </message>
    <message>
        <source>Move the view</source>
        <translation>表示位置を動かす</translation>
    </message>
    <message>
        <source>Space+drag / middle button drag</source>
        <translation>Space+ドラッグ／中ボタンでドラッグ</translation>
    </message>
    <message>
        <source>A note where you click</source>
        <translation>その場所に付箋を置く</translation>
    </message>
    <message>
        <source>Double-click the board</source>
        <translation>ボードをダブルクリック</translation>
    </message>
    <message>
        <source>Edit a note</source>
        <translation>付箋を編集</translation>
    </message>
    <message>
        <source>Double-click the note</source>
        <translation>付箋をダブルクリック</translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation>選択したものを削除</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <source>Editing a note on the board</source>
        <translation>ボード上で付箋を編集しているとき</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>編集を終える</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>改行</translation>
    </message>
    <message>
        <source>Cancel the edit</source>
        <translation>編集を取り消す</translation>
    </message>
    <message>
        <source>Presentation and room clock</source>
        <translation>プレゼンテーションモードと会場用の時計</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>プレゼンテーションモードを終える</translation>
    </message>
    <message>
        <source>Room clock: full screen on or off</source>
        <translation>会場用の時計：全画面表示の切り替え</translation>
    </message>
    <message>
        <source>{key} / double-click</source>
        <translation>{key}／ダブルクリック</translation>
    </message>
    <message>
        <source>Room clock: close</source>
        <translation>会場用の時計：閉じる</translation>
    </message>
    <message>
        <source>Clock on the board in presentation mode: large or small</source>
        <translation>プレゼンテーションモードの時計：大きく／小さく</translation>
    </message>
    <message>
        <source>{key} / click</source>
        <translation>{key}／クリック</translation>
    </message>
    <message>
        <source>Dot voting</source>
        <translation>ドット投票</translation>
    </message>
    <message>
        <source>Give a dot to a note or a theme</source>
        <translation>付箋やテーマにドットを付ける</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>クリック</translation>
    </message>
    <message>
        <source>Take a dot back</source>
        <translation>ドットを取り消す</translation>
    </message>
    <message>
        <source>Right-click / Shift+click</source>
        <translation>右クリック／Shift+クリック</translation>
    </message>
    <message>
        <source>Add to or take from the selection</source>
        <translation>選択に加える・外す</translation>
    </message>
    <message>
        <source>Shift+click / Ctrl+click</source>
        <translation>Shift+クリック / Ctrl+クリック</translation>
    </message>
    <message>
        <source>Select what a rectangle touches (Shift: add to the selection)</source>
        <translation>四角で囲んで選択（Shift で選択に追加）</translation>
    </message>
    <message>
        <source>Drag on the empty board</source>
        <translation>ボードの空きをドラッグ</translation>
    </message>
    <message>
        <source>The commands of a note, or of the empty board</source>
        <translation>付箋やボードのコマンド</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>右クリック</translation>
    </message>
</context>
<context>
    <name>Stamps</name>
    <message>
        <source>Person</source>
        <extracomment>Board tools with a toolbar button (``stamp:&lt;name&gt;`` comes from the stamp picker).</extracomment>
        <translation>人</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>グループ</translation>
    </message>
    <message>
        <source>Light bulb</source>
        <translation>電球（アイデア）</translation>
    </message>
    <message>
        <source>Heart</source>
        <translation>ハート</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>星</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>はてな</translation>
    </message>
    <message>
        <source>Exclamation</source>
        <translation>びっくり</translation>
    </message>
    <message>
        <source>Handshake</source>
        <translation>握手</translation>
    </message>
    <message>
        <source>Factory</source>
        <translation>工場</translation>
    </message>
    <message>
        <source>Speech bubble</source>
        <translation>吹き出し</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Furikaeri — reflection workshop</source>
        <translation>ふりかえり — 振り返りワークショップ</translation>
    </message>
    <message>
        <source>Recent workshops</source>
        <translation>最近のワークショップ</translation>
    </message>
    <message>
        <source>New workshop…</source>
        <translation>新しいワークショップ…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
    <message>
        <source>Open the demo workshop</source>
        <translation>デモのワークショップを開く</translation>
    </message>
    <message>
        <source>New from a template</source>
        <translation>テンプレートから作成</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>新しいワークショップ</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>テンプレート:</translation>
    </message>
    <message>
        <source>{name} (cannot be read)
{path}</source>
        <translation>{name}（読み込めません）
{path}</translation>
    </message>
    <message>
        <source>{date} · {notes} notes</source>
        <translation>{date} · 付箋 {notes} 枚</translation>
    </message>
    <message>
        <source>No workshop opened yet.</source>
        <translation>まだワークショップを開いていません。</translation>
    </message>
</context>
<context>
    <name>StartTheDay</name>
    <message>
        <source>The plan starts at {planned}; it is {now} now.</source>
        <translation>予定の開始は {planned} ですが、今は {now} です。</translation>
    </message>
    <message>
        <source>Start the day</source>
        <translation>本日の開始</translation>
    </message>
    <message>
        <source>Starting now moves every planned time along, so the clock measures the day from its real start.</source>
        <translation>今から開始すると、予定の時刻がすべて今の時刻にずれ、押し・巻きは実際の開始から計ります。</translation>
    </message>
    <message>
        <source>Start now (move the plan to now)</source>
        <translation>今から開始（予定を今にずらす）</translation>
    </message>
    <message>
        <source>Count from the planned {time}</source>
        <translation>予定どおり {time} 開始として扱う</translation>
    </message>
</context>
<context>
    <name>Story</name>
    <message>
        <source>Untitled workshop</source>
        <translation>無題のワークショップ</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>議事録</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主催</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>ファシリテーター</translation>
    </message>
    <message>
        <source>Note-taker</source>
        <translation>書記</translation>
    </message>
    <message>
        <source>Graphic recorder</source>
        <translation>グラフィックレコーダー</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>有識者</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>会場</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>{sessions} sessions, {people} participants, {notes} notes</source>
        <translation>セッション{sessions}件・参加者{people}名・付箋{notes}枚</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>No participants were recorded.</source>
        <translation>参加者は記録されていません。</translation>
    </message>
    <message>
        <source>(no organisation)</source>
        <translation>（所属なし）</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Organisers and staff</source>
        <translation>主催・運営</translation>
    </message>
    <message>
        <source>Programme: planned and actual</source>
        <translation>プログラム（予実）</translation>
    </message>
    <message>
        <source>The workshop has no agenda.</source>
        <translation>プログラムはありません。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>未実施</translation>
    </message>
    <message>
        <source>+{minutes} min over</source>
        <translation>{minutes}分超過</translation>
    </message>
    <message>
        <source>Replanned</source>
        <translation>再計画</translation>
    </message>
    <message>
        <source>The day ran {start}–{end}, {difference} against the plan ({planned_end}).</source>
        <translation>実施 {start}–{end}（予定の終了 {planned_end} に対して {difference}）。</translation>
    </message>
    <message>
        <source>{minutes} min early</source>
        <translation>{minutes}分短縮</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>予定どおり</translation>
    </message>
    <message>
        <source>clock {minutes:+.0f} min</source>
        <translation>時間調整 {minutes:+.0f}分</translation>
    </message>
    <message>
        <source> ({minutes} min)</source>
        <translation>（{minutes}分）</translation>
    </message>
    <message>
        <source>Key findings and next steps</source>
        <translation>主な気づきと次のステップ</translation>
    </message>
    <message>
        <source>Key findings</source>
        <translation>主な気づき</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッションの記録</translation>
    </message>
    <message>
        <source>No notes were captured.</source>
        <translation>付箋は記録されていません。</translation>
    </message>
    <message>
        <source>Notes of no session</source>
        <translation>セッションに属さない付箋</translation>
    </message>
    <message>
        <source>Planned {planned}; actual {actual}</source>
        <translation>予定 {planned}／実績 {actual}</translation>
    </message>
    <message>
        <source> (replanned to {minutes})</source>
        <translation>（再計画 {minutes}）</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>問い</translation>
    </message>
    <message>
        <source>Summary (a draft from the themes)</source>
        <translation>まとめ（テーマからの下書き）</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>まとめ</translation>
    </message>
    <message>
        <source>Nothing was recorded in this session.</source>
        <translation>このセッションの記録はありません。</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>全体</translation>
    </message>
    <message>
        <source> (note-taker: {name})</source>
        <translation>（書記：{name}）</translation>
    </message>
    <message>
        <source>No notes on this board.</source>
        <translation>このボードに付箋はありません。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Theme votes</source>
        <translation>テーマへの票</translation>
    </message>
    <message>
        <source>Note votes</source>
        <translation>付箋への票</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>付箋数</translation>
    </message>
    <message>
        <source>Ranking by votes</source>
        <translation>投票によるランキング</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>付箋</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>発言者</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>票</translation>
    </message>
    <message>
        <source>Notes outside the themes, by votes</source>
        <translation>テーマ外の付箋（得票順）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（表札なし）</translation>
    </message>
    <message>
        <source>{notes} notes</source>
        <translation>付箋{notes}枚</translation>
    </message>
    <message>
        <source>{votes} votes</source>
        <translation>{votes}票</translation>
    </message>
    <message>
        <source>rank {rank}</source>
        <translation>{rank}位</translation>
    </message>
    <message>
        <source>from {group}</source>
        <translation>{group} より</translation>
    </message>
    <message>
        <source>Key words: {words}</source>
        <translation>キーワード：{words}</translation>
    </message>
    <message>
        <source>Graphic record</source>
        <translation>グラフィックレコード</translation>
    </message>
    <message>
        <source> (whole board)</source>
        <translation>（全体図）</translation>
    </message>
    <message>
        <source> part {n} of {count}</source>
        <translation>（部分 {n}/{count}）</translation>
    </message>
    <message>
        <source>Decisions and action items</source>
        <translation>決定事項と宿題</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>決定事項</translation>
    </message>
    <message>
        <source>No decisions were recorded.</source>
        <translation>決定事項は記録されていません。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>担当</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>済</translation>
    </message>
    <message>
        <source>No action items were recorded.</source>
        <translation>宿題は記録されていません。</translation>
    </message>
    <message>
        <source>Absent ({count})</source>
        <translation>欠席（{count}名）</translation>
    </message>
    <message>
        <source>The workshop as a whole</source>
        <translation>ワークショップ全体</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>宿題</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Summaries of the sessions</source>
        <translation>セッションのまとめ</translation>
    </message>
    <message>
        <source>Use the draft from the themes</source>
        <translation>テーマからの下書きに戻す</translation>
    </message>
    <message>
        <source>A draft made from the themes&apos; notes: edit it freely.</source>
        <translation>テーマの付箋から作った下書きです。自由に編集してください。</translation>
    </message>
    <message>
        <source>The summary printed in the minutes.</source>
        <translation>議事録に印刷されるまとめです。</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>ふりかえり</translation>
    </message>
    <message>
        <source>Key findings</source>
        <translation>主な気づき</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>This session has no notes: write what was said or done here.</source>
        <translation>このセッションには付箋がありません。話したこと・行ったことをここに書いてください。</translation>
    </message>
    <message>
        <source>The key findings of the day, in a few sentences: printed before the sessions.</source>
        <translation>この日の主な気づきを数文で。議事録ではセッションの前に印刷されます。</translation>
    </message>
    <message>
        <source>What happens next (the next meeting, who follows up): printed with the key findings.</source>
        <translation>これからのこと（次回の集まり、誰がフォローするか）。主な気づきと一緒に印刷されます。</translation>
    </message>
    <message>
        <source>This session&apos;s notes have no themes yet: write its summary here.</source>
        <translation>このセッションの付箋はまだテーマに分けられていません。まとめをここに書いてください。</translation>
    </message>
    <message>
        <source>Write the summary here.</source>
        <translation>ここにまとめを書く</translation>
    </message>
</context>
<context>
    <name>ThemesController</name>
    <message>
        <source>Propose themes</source>
        <extracomment>Quiet time after typing before notes&apos; features are computed ahead.</extracomment>
        <translation>テーマを提案</translation>
    </message>
    <message>
        <source>Dot voting</source>
        <translation>ドット投票</translation>
    </message>
    <message>
        <source>&amp;Themes</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>Theme proposal</source>
        <translation>テーマの提案</translation>
    </message>
    <message>
        <source>There are no notes on this board to group into themes.</source>
        <translation>このボードにはテーマにまとめる付箋がありません。</translation>
    </message>
    <message>
        <source>Every note of this board is already in a theme. Move notes out of their theme to propose again.</source>
        <translation>このボードの付箋はすべてテーマに入っています。もう一度提案するには、付箋をテーマから外してください。</translation>
    </message>
    <message>
        <source>Proposing themes for {count} notes…</source>
        <translation>{count}枚の付箋のテーマを提案しています…</translation>
    </message>
    <message>
        <source>{themes} themes accepted. Rename one by double-clicking its frame&apos;s title; Undo takes the proposal back in one step. Next: dot voting, to choose which themes to talk about.</source>
        <translation>テーマを{themes}件採用しました。表札はフレームの見出しをダブルクリックして直せます。「元に戻す」1回で採用を取り消せます。次は、どのテーマを話し合うかをドット投票で決めましょう。</translation>
    </message>
    <message>
        <source>No proposal.</source>
        <translation>提案はありません。</translation>
    </message>
    <message>
        <source>The board changed; propose again.</source>
        <translation>ボードが変わりました。もう一度提案してください。</translation>
    </message>
    <message>
        <source>{themes} themes proposed. Edit a label by double-clicking it, then accept or discard.</source>
        <translation>{themes}個のテーマを提案しました。表札はダブルクリックで編集できます。採用するか破棄してください。</translation>
    </message>
    <message>
        <source>The {themes} themes already on this board stay as they are, with their {notes} notes; names people gave and notes placed by hand do not change either. Only the other {count} notes are placed.</source>
        <translation>このボードのテーマ{themes}件と、その付箋{notes}枚はそのまま残ります。人が付けた表札も、手で置いた付箋も変わりません。残りの付箋{count}枚だけを振り分けます。</translation>
    </message>
    <message>
        <source>Proposal discarded.</source>
        <translation>提案を破棄しました。</translation>
    </message>
    <message>
        <source>Dot voting: click a note or a theme&apos;s frame.</source>
        <translation>ドット投票：付箋かテーマの枠をクリックしてください。</translation>
    </message>
    <message>
        <source>Notes changed since the proposal; propose again to include them.</source>
        <translation>提案後に付箋が変わりました。含めるにはもう一度提案してください。</translation>
    </message>
    <message>
        <source>Furikaeri</source>
        <translation>Furikaeri</translation>
    </message>
    <message>
        <source>{done} has voted; now {name}.</source>
        <translation>{done}の投票が終わりました。次は{name}です。</translation>
    </message>
    <message>
        <source>Everyone has placed their dots.</source>
        <translation>全員がドットを置き終えました。</translation>
    </message>
</context>
<context>
    <name>ToolbarRows</name>
    <message>
        <source>Workshop tools</source>
        <extracomment>The window&apos;s size when it has none saved and the screen has room for it. Room a window manager&apos;s frame and title bar take (a guess before the window is shown).</extracomment>
        <translation>ワークショップのツール</translation>
    </message>
</context>
<context>
    <name>VectorsNote</name>
    <message>
        <source>Propose again, precise</source>
        <translation>高精度で再提案</translation>
    </message>
    <message>
        <source>This proposal used the precise sentence vectors.</source>
        <translation>この提案は高精度の文の特徴で作りました。</translation>
    </message>
    <message>
        <source>This proposal used the fast sentence vectors.</source>
        <translation>この提案は速い文の特徴で作りました。</translation>
    </message>
    <message>
        <source>This proposal used the fast sentence vectors; the precise ones are being computed… {done}/{total}</source>
        <translation>この提案は速い文の特徴で作りました。高精度の特徴を計算中… {done}/{total}</translation>
    </message>
    <message>
        <source>This proposal used the fast sentence vectors; the precise ones are ready.</source>
        <translation>この提案は速い文の特徴で作りました。高精度の特徴が揃いました。</translation>
    </message>
</context>
<context>
    <name>Voting</name>
    <message>
        <source>Voter {number}</source>
        <translation>投票者{number}</translation>
    </message>
</context>
<context>
    <name>VotingPanel</name>
    <message>
        <source>Click a note or a theme&apos;s frame to add a dot; right-click or Shift+click takes it back.</source>
        <translation>付箋かテーマの枠をクリックするとドットを置きます。右クリックかShift+クリックで外します。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>順位</translation>
    </message>
    <message>
        <source>Theme or note</source>
        <translation>テーマ・付箋</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>ドット</translation>
    </message>
    <message>
        <source>Voter</source>
        <translation>投票する人</translation>
    </message>
    <message>
        <source>Dots per participant</source>
        <translation>一人あたりのドット数</translation>
    </message>
    <message>
        <source>Dots left</source>
        <translation>残りのドット</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>付箋</translation>
    </message>
    <message>
        <source>(+{count} on its notes)</source>
        <translation>（付箋に+{count}）</translation>
    </message>
    <message>
        <source>{left} of {total}</source>
        <translation>{total}個中 残り{left}個</translation>
    </message>
    <message>
        <source>Voters without a registered name: Voter 1, Voter 2, …</source>
        <translation>名前を登録していない投票者：投票者1、投票者2、…</translation>
    </message>
    <message>
        <source>Numbered voters</source>
        <translation>番号の投票者（人数）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New workshop…</source>
        <translation>新しいワークショップ(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo workshop</source>
        <translation>デモのワークショップを開く(&amp;D)</translation>
    </message>
    <message>
        <source>Start the demo a&amp;gain…</source>
        <translation>デモをやり直す(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Reload from the file</source>
        <translation>ファイルから再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close workshop</source>
        <translation>ワークショップを閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Type a &amp;note</source>
        <translation>付箋を入力(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Next group</source>
        <translation>次のグループ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous group</source>
        <translation>前のグループ(&amp;P)</translation>
    </message>
    <message>
        <source>Fit &amp;all</source>
        <translation>全体を表示(&amp;A)</translation>
    </message>
    <message>
        <source>Fit &amp;selection</source>
        <translation>選択範囲を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;100%</source>
        <translation>100% 表示(&amp;1)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Projector &amp;window</source>
        <translation>プロジェクター画面(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>ショートカット一覧(&amp;K)</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>ログフォルダを開く(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Furikaeri</source>
        <translation>ふりかえりについて(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>選択</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>ペン</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>矢印</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>挿入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Stamp</source>
        <translation>スタンプ(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Board tools</source>
        <translation>ボードの道具</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>スタンプ</translation>
    </message>
    <message>
        <source>Place a pictogram stamp</source>
        <translation>ピクトグラムのスタンプを置く</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Furikaeri</source>
        <translation>ふりかえり</translation>
    </message>
</context>
</TS>
