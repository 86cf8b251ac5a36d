#include "web/stylesheet.hpp"

namespace tp::web {

std::string_view stylesheet() {
    return R"css(:root{--ink:#1b1f24;--muted:#4a5562;--accent:#0b5cad;--accent-ink:#fff;--line:#d5dbe1;--bg:#f6f8fa;--warn:#9b1c1c}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;line-height:1.5;color:var(--ink);background:#fff}
body{margin:0}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #f2b400;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header.site{background:var(--accent);color:var(--accent-ink)}
header.site .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding:.75rem 1rem}
header.site a{color:var(--accent-ink)}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none}
.tagline{opacity:.9}
header.site nav{margin-left:auto}
header.site ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
header.site [aria-current=page]{font-weight:700;text-decoration:none}
main{padding-top:1rem;padding-bottom:2rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3,.events h2{font-size:1.05rem;margin:0}
.events{list-style:none;margin:0;padding:0}
.events li{border-bottom:1px solid var(--line);padding:.75rem 0}
.events p{margin:.15rem 0}
.meta{color:var(--muted);font-size:.95rem}
.badge{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;border-radius:.25rem;border:1px solid var(--line);background:var(--bg)}
.badge.cancelled,.notice.cancelled{color:var(--warn);border-color:var(--warn)}
.badge.full{color:#7a4a00;border-color:#7a4a00}
.seats{font-weight:600}
mark.placeholder{background:#fff3bf;color:var(--ink)}
.cancelled-event h3 a{text-decoration:line-through}
.notice{padding:.75rem 1rem;border:2px solid var(--line);border-radius:.4rem;background:var(--bg)}
form.filter{background:var(--bg);border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin-bottom:1rem}
form.filter fieldset{border:0;margin:0 0 .5rem;padding:0}
form.filter legend,form.filter label.title{font-weight:600}
form.filter .choices{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
form.filter .search{margin-bottom:.5rem}
form.filter .search input{display:block;width:100%;max-width:32rem;padding:.35rem .5rem;margin-top:.2rem}
form.filter .search .meta{margin:.2rem 0 0}
nav.months ul,nav.pages ul{display:flex;flex-wrap:wrap;gap:.35rem 1rem;list-style:none;padding:0;margin:.75rem 0}
nav.months a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid currentColor}
nav.pages{border-top:1px solid var(--line);margin-top:1rem}
ul.inline-links{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:.25rem 0 1rem}
select,button,input{font:inherit}
select{max-width:100%;padding:.3rem}
button{background:var(--accent);color:var(--accent-ink);border:0;border-radius:.3rem;padding:.4rem 1rem;cursor:pointer}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.actions{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.actions a{display:inline-block;padding:.4rem .8rem;border:1px solid var(--accent);border-radius:.3rem;text-decoration:none}
.copy-row{display:flex;gap:.5rem;flex-wrap:wrap}
.copy-row input{flex:1 1 16rem;min-width:0;padding:.4rem;border:1px solid var(--muted);border-radius:.3rem}
.subscribe code,main code{word-break:break-all;overflow-wrap:anywhere;background:var(--bg);padding:.1rem .3rem}
svg.qr{display:block;width:min(16rem,100%);height:auto;margin:.5rem 0}
.register form{display:grid;gap:.75rem;max-width:32rem}
.field label{display:block;font-weight:600;overflow-wrap:anywhere}
.field input[type=text],.field input[type=email]{width:100%;padding:.5rem;border:1px solid var(--muted);border-radius:.3rem}
.field.check label{display:inline;font-weight:400}
.field.invalid input{border:2px solid var(--warn)}
.error{color:var(--warn);margin:.2rem 0 0;font-weight:600}
.hint{color:var(--muted);font-size:.9rem;margin:.1rem 0 .25rem;overflow-wrap:anywhere}
.summary h2{margin:0 0 .3rem;font-size:1.1rem}
.summary ul{margin:0;padding-left:1.2rem}
.summary:focus{outline:3px solid #f2b400;outline-offset:2px}
.notice.saved{border-color:#1a6b2f}
form.event-form{display:grid;gap:.7rem;max-width:40rem}
form.event-form .field input:not([type=checkbox]),form.event-form .field select{width:100%;padding:.4rem;border:1px solid var(--muted);border-radius:.3rem}
fieldset.question{border:1px solid var(--line);border-radius:.4rem;display:grid;gap:.5rem}
.notice.error{border-color:var(--warn)}
.field.choice{border:0;padding:0;margin:0}
.field.choice legend{font-weight:600;padding:0}
.field.choice div{display:flex;gap:.5rem;align-items:baseline;margin:.25rem 0}
.field.choice label{display:inline;font-weight:400}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
footer.site{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
form.inline{display:inline-block;margin:0 .3rem .3rem 0}
table.attendees,table.checkin-list{border-collapse:collapse;width:100%;font-size:.95rem}
table.attendees th,table.attendees td,table.checkin-list th,table.checkin-list td{border-bottom:1px solid var(--line);padding:.35rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto;max-width:100%}
table.attendees .meta{display:block;font-size:.85rem}
ul.answers{list-style:none;margin:0;padding:0;font-size:.9rem}
td.row-actions form.inline{display:block;margin:0 0 .3rem}
.cards{list-style:none;margin:0;padding:0}
.cards li.card{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .8rem;margin:.5rem 0}
.cards p{margin:.2rem 0}
.badge.draft{color:#7a4a00;border-color:#7a4a00}
.badge.published{color:#1a6b2f;border-color:#1a6b2f}
details>summary{cursor:pointer;font-weight:600;margin:1rem 0 .5rem}
.signed-in{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:baseline}
.signed-in p{margin:0}
ul.effects{padding-left:1.2rem}
ul.effects li{margin:.3rem 0}
p.buttons{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;margin-top:1rem}
button.danger{background:var(--warn)}
p.aside{font-size:.9rem}
ul.checkin{list-style:none;padding:0}
ul.checkin li{padding:.7rem 0;border-bottom:1px solid var(--line)}
ul.checkin button{font-size:1.1rem;padding:.6rem 1.2rem;margin-top:.3rem}
ul.checkin li form.inline,.door-actions form.inline{display:block;margin:.4rem 0 0}
ul.checkin li.unconfirmed em{color:#7a4a00;font-style:normal;font-weight:600}
.door-count{font-size:1.3rem;margin:.3rem 0 .8rem}
table.plan{border-collapse:collapse;width:100%;table-layout:fixed;margin-bottom:1rem}
table.plan caption,.sr-only{position:absolute;left:-9999px}
table.plan th,table.plan td{border:1px solid var(--line);padding:.4rem;vertical-align:top;text-align:left}
table.plan th[scope=row]{width:8rem}
table.plan .room-name{display:none}
table.plan .session+.session{border-top:2px solid var(--warn);margin-top:.3rem;padding-top:.3rem}
.session-title{display:block}
.plan .meta,ul.sessions .meta{display:block;font-size:.9rem}
ul.sessions{list-style:none;padding:0}
ul.sessions li{border-bottom:1px solid var(--line);padding:.6rem 0}
ul.sessions li.voted{border-left:4px solid var(--accent);padding-left:.6rem}
ul.sessions button{min-height:2.75rem}
.session-text{margin:.3rem 0}
form.stacked{display:grid;gap:.6rem;max-width:32rem;margin-bottom:1rem}
form.card{background:var(--bg);border:1px solid var(--line);border-radius:.5rem;padding:1rem 1.25rem;max-width:26rem}
form.stacked label{font-weight:600}
form.stacked input[type=text],form.stacked input[type=email],form.stacked input[type=password],form.stacked textarea{width:100%;padding:.4rem;border:1px solid var(--muted);border-radius:.3rem;font:inherit}
form.stacked button{justify-self:start}
form.filter.row{display:flex;flex-wrap:wrap;gap:.4rem .6rem;align-items:center}
.field textarea,.field input[type=number],.field input[type=date],.field input[type=time]{width:100%;padding:.5rem;border:1px solid var(--muted);border-radius:.3rem;font:inherit}
.field.invalid textarea,.field.invalid select{border:2px solid var(--warn)}
button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
table.placements select{max-width:14rem}
@media (max-width:40rem){table.plan,table.plan tbody,table.plan tr,table.plan th,table.plan td{display:block;width:100%}table.plan thead{display:none}table.plan tr{margin-bottom:.75rem}table.plan th[scope=row]{width:100%;background:var(--bg)}table.plan td.empty{display:none}table.plan .room-name{display:block;font-weight:600;color:var(--muted)}table.placements,table.placements tbody,table.placements tr,table.placements td{display:block;width:100%}table.placements thead{display:none}table.placements tr{border-bottom:1px solid var(--line);padding:.4rem 0}table.placements td{border:0;padding:.2rem 0}table.people,table.people tbody,table.people tr,table.people td{display:block;width:100%}table.people thead{display:none}table.people tr{border-bottom:2px solid var(--line);padding:.4rem 0}table.people td{border:0;padding:.15rem 0}td.row-actions form.inline{display:inline-block;margin:.2rem .4rem 0 0}table.people td[data-label]:not(:empty)::before{content:attr(data-label) ": ";font-weight:600}table.placements select{max-width:100%;width:100%}}
@media (max-width:30rem){dl.facts{grid-template-columns:1fr}header.site nav{margin-left:0}}
@media print{header.site nav,.skip,form.filter,form.inline,.actions,.take-part,footer.site{display:none}table.plan .session-title{font-weight:700;font-size:10pt}table.plan .meta,table.plan .session-text{font-size:8pt}header.site{background:none;color:#000}table.plan{font-size:9pt}table.plan tr{break-inside:avoid}a{color:#000;text-decoration:none}}
)css";
}

}  // namespace tp::web
