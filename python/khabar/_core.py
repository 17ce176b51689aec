# development stand-in for the Rust extension (never committed)
import json, re
class Extractor:
    def __init__(self, config_json="{}"):
        self._cfg = json.loads(config_json)
    def config_json(self):
        return json.dumps(self._cfg)
    def extract(self, inputs, n_threads=None):
        out = []
        for id_, text, pub, lang, errs in inputs:
            assert isinstance(text, str)
            text.encode("utf-8")
            lines = [l for l in text.splitlines() if l.strip()]
            title = lines[0].strip() if lines else None
            ar = len(re.findall("[\u0600-\u06ff]", text)) > len(re.findall("[A-Za-z]", text))
            ents = []
            for m in re.finditer(r"Jordan|الأردن|Japan|اليابان", text):
                ents.append({"id": m.group(0), "kind": "country", "name": m.group(0), "key": m.group(0), "country": None, "title": None, "mentions": [{"start": m.start(), "end": m.end(), "text": m.group(0)}]})
            dates = [{"start": m.start(), "end": m.end(), "text": m.group(0), "value": m.group(0), "grain": "day"} for m in re.finditer(r"\d{4}-\d\d-\d\d", text)]
            quotes = [{"start": m.start(1), "end": m.end(1), "text": m.group(1), "kind": "direct", "speaker": None, "speaker_name": None, "speaker_text": None, "cue": "said"} for m in re.finditer(r'"([^"\n]+)"', text)]
            events = [{"type": "CONSULT", "context": ["diplomatic"], "cameo": "040", "source": ["JOR"], "target": ["JPN"], "mode": "asserted", "date": None, "location": None, "start": m.start(), "end": m.end(), "trigger": m.group(0)} for m in re.finditer("met", text)]
            out.append(json.dumps({"id": id_, "lang": lang or ("ar" if ar else "en"), "title": title, "published": pub, "published_source": "metadata" if pub else None, "body": text, "boilerplate": [], "entities": ents, "dates": dates, "quotes": quotes, "events": events, "cluster": None, "source": None, "url": None, "errors": list(errs), "title_span": None}))
        return out
def version():
    return "0.1.0"
