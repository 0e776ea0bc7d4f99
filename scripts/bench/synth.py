"""A deterministic synthetic corpus of N valid profiles for benchmarks."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil

from showcase.content.vocab import FIELDS, KINDS, SECTORS

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Thạch", "Sơn", "Lâm", "Danh"]
_MIDDLE = ["Văn", "Thị", "Hồng", "Minh", "Ngọc", "Thanh"]
# Given names, Vietnamese and Khmer: with the family and middle names, 2,400 names
# for 6,700 people at 10,000 profiles, so that names collide as they do in a
# province (many a Nguyễn Văn An) and the search bench has ambiguous queries.
_GIVEN = ["An", "Bình", "Châu", "Cường", "Dũng", "Duyên", "Giang", "Hà", "Hải", "Hạnh",
          "Hiếu", "Hòa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh",
          "Nam", "Nga", "Nhung", "Phúc", "Phương", "Quân", "Sang", "Tâm", "Thảo", "Thủy",
          "Trung", "Tuấn", "Vy", "Yến", "Sa Rây", "Sóc Khên", "Sa Ruôn", "Kim Sên",
          "Sô Phol", "Chanh Đa"]
# Collectives: 12 x 30 x 8 names for 3,300 of them at 10,000 profiles.
_CLUBS = ["Câu lạc bộ Đờn ca tài tử", "Câu lạc bộ Dù kê", "Câu lạc bộ văn nghệ",
          "Câu lạc bộ dưỡng sinh", "Câu lạc bộ bóng chuyền", "Đội ghe Ngo",
          "Đội múa Rom vong", "Câu lạc bộ thơ", "Đội văn nghệ quần chúng",
          "Tổ hòa giải", "Câu lạc bộ gia đình hạnh phúc", "Dàn nhạc Ngũ âm"]
_HAMLETS = ["Bưng Sa", "Prey Chóp", "Sô La", "Tà Lọt", "Trà Canh", "Giồng Chùa", "Cà Lăng",
            "Đại Nghĩa", "Phước Thọ", "Vĩnh Bình", "Hòa Lý", "Xẻo Me", "Kinh Đào", "Tân Lộc",
            "Mỹ Lợi", "An Hòa", "Sóc Vồ", "Tắc Gồng", "Bà Hiệp", "Phú Giao", "Trà Quýt",
            "Khu 1", "Khu 2", "Khu 3", "Sa Keo", "Rạch Sên", "Chông Nô", "Tầm Vu",
            "Kiết Lợi", "Trung Bình"]
_COMMUNES = ["xã Vĩnh Hải", "xã Lạc Hòa", "xã Tuân Tức", "xã Mỹ Quới", "xã An Thạnh 1",
             "xã Viên An", "xã Thạnh Tân", "xã Hòa Tú"]
_STORY = (
    "## Hành trình\n\n{name} gắn bó với phong trào văn hóa, văn nghệ ở địa phương từ nhiều năm "
    "nay. Từ những buổi sinh hoạt nhỏ ở ấp, {name} cùng bà con gây dựng nên những hoạt động "
    "có sức lan tỏa, được chính quyền và người dân ghi nhận.\n\n"
    "## Đóng góp cho cộng đồng\n\nKhông chỉ tham gia, {name} còn vận động các gia đình trong ấp "
    "cùng xây dựng đời sống văn hóa, giữ gìn bản sắc và giúp đỡ những hộ khó khăn.\n\n"
    "- Tổ chức sinh hoạt định kỳ hằng tháng\n- Hướng dẫn lớp trẻ kế thừa\n\n"
    "## Lan tỏa\n\nTấm gương ấy đang được nhân rộng ở nhiều xã, phường trong tỉnh.\n"
)


# Sentences drawn at random into each story, so that the index sees a realistic
# spread of Vietnamese syllables and pairs (topics, places, Khmer-origin terms).
_TOPICS = (
    "Anh chị đưa chuyển đổi số vào công việc, hướng dẫn bà con dùng dịch vụ công trực tuyến.",
    "Gia đình ngư dân bám biển vẫn giữ nếp hiếu học, các con đều học hành đến nơi đến chốn.",
    "Mùa lễ hội Oóc Om Bóc, đội đua ghe Ngo của ấp luyện tập từ sáng sớm trên dòng sông.",
    "Câu lạc bộ Dù kê dựng lại những trích đoạn cổ cho lớp trẻ trong phum sóc.",
    "Nhà văn hóa ấp sáng đèn mỗi tối với các lớp múa Rom vong và hát dân ca Khmer.",
    "Vườn cây trái trên cù lao trở thành điểm du lịch sinh thái được du khách nhắc đến.",
    "Tủ sách ở nhà văn hóa phục vụ thiếu nhi, góp phần phát triển văn hóa đọc.",
    "Tổ hòa giải ở cơ sở vận động các gia đình nói không với bạo lực gia đình.",
    "Ruộng hành tím bên nhà được chăm sóc theo hướng nông nghiệp sạch.",
    "Sân bóng chuyền cạnh trường học rộn tiếng cười mỗi chiều sau giờ làm đồng.",
    "Bộ phận một cửa đổi mới cách tiếp dân, thực hiện tốt văn hóa công sở.",
    "Đội văn nghệ quần chúng đạt giải cao tại hội diễn nghệ thuật quần chúng của tỉnh.",
    "Đường làng được bê tông hóa nhờ bà con cùng góp công, góp của.",
    "Các em học sinh được hướng dẫn bơi an toàn trong dịp hè.",
    "Người cao tuổi trong ấp tham gia câu lạc bộ dưỡng sinh, rèn luyện thân thể.",
    "Thư viện lưu động đưa sách về các điểm trường vùng sâu, vùng xa.",
    "Đoàn viên thanh niên xung kích tình nguyện trong mùa hè xanh.",
    "Làng nghề truyền thống được gìn giữ và giới thiệu với du khách gần xa.",
    "Ngày hội đại đoàn kết toàn dân tộc ở khu dân cư diễn ra vui tươi, đầm ấm.",
    "Dàn nhạc Ngũ âm vang lên trong lễ Chôl Chnăm Thmây ở chùa.",
)
_PLACES = ("xã Vĩnh Hải, thị xã Vĩnh Châu", "xã Lạc Hòa, thị xã Vĩnh Châu",
           "thị trấn Trần Đề, huyện Trần Đề", "xã An Thạnh 1, huyện Cù Lao Dung",
           "phường 1, thị xã Ngã Năm", "xã Tuân Tức, huyện Thạnh Trị",
           "Phường 5, thành phố Sóc Trăng", "xã Mỹ Quới, thị xã Ngã Năm")


def generate(root: str, n: int, n_units: int = 30, seed: int = 7,
             repo: str | None = None, photo_every: int = 0,
             distinct_photos: bool = False, camera: bool = False,
             words: tuple[int, int] | None = None,
             photo_size: tuple[int, int] | None = None) -> str:
    """Write a repository at ``root`` with ``n`` profiles over ``n_units`` units.

    ``repo`` (the real repository) supplies mkdocs.yml and content/ so the
    synthetic site builds like the real one. ``photo_every`` > 0 gives every
    k-th profile a small generated photo; ``distinct_photos`` makes each one
    different bytes (as real photos are), so no cache can share a verdict;
    ``camera`` makes them 3000x2000 JPEGs shot sideways (EXIF orientation 6).
    ``words`` (low, high) gives each story that many words, with headings,
    lists and links, instead of the short fixed story. ``photo_size`` sets
    the photos' pixel size (upright, whatever ``camera`` says).
    """
    rng = random.Random(seed)
    # Given names drawn apart: the rest of the corpus (dates, stories) is the one
    # earlier benches measured, name for name but the given one.
    given = random.Random(f"{seed}-given-names")
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, "profiles"))
    if repo:
        shutil.copy(os.path.join(repo, "mkdocs.yml"), os.path.join(root, "mkdocs.yml"))
        shutil.copytree(os.path.join(repo, "content"), os.path.join(root, "content"))
    units = [f"don-vi-{i:02d}" for i in range(n_units)]
    with open(os.path.join(root, "profiles", "units.yml"), "w", encoding="utf-8") as fh:
        fh.write("units:\n")
        for i, u in enumerate(units):
            group = ("district", "affiliated", "department-office")[i % 3]
            fh.write(f"  - id: {u}\n    name: Đơn vị thử nghiệm số {i}\n    group: {group}\n")
            if i % 10 == 9:
                fh.write("    active_to: 2025-06-30\n")
    if photo_size:
        size, camera = photo_size, False
    else:
        size = (3000, 2000) if camera else (1200, 800)
    photo_bytes = _photo_bytes(size=size, rotated=camera) if photo_every else b""
    start = dt.date(2022, 1, 1)
    span = (dt.date(2026, 10, 31) - start).days
    fields, sectors, kinds = list(FIELDS), list(SECTORS), list(KINDS)
    for i in range(n):
        unit = units[i % n_units]
        folder = os.path.join(root, "profiles", unit)
        os.makedirs(folder, exist_ok=True)
        closed = (i % n_units) % 10 == 9  # active_to 2025-06-30 (see units.yml above)
        intro = start + dt.timedelta(days=rng.randrange(span if not closed else 1276))
        pub = intro + dt.timedelta(days=rng.randrange(5, 40))
        kind = kinds[i % 3]
        name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {given.choice(_GIVEN)}"
        if kind == "collective":
            name = f"{given.choice(_CLUBS)} ấp {given.choice(_HAMLETS)}, {given.choice(_COMMUNES)}"
        elif kind == "household":
            name = f"Hộ gia đình ông {name}"
        slug = f"ho-so-{i:06d}"
        secs = rng.sample(sectors, rng.randint(1, 3))
        lines = [
            "---",
            f"name: {name}",
            f"kind: {kind}",
            f"field: {fields[i % 5]}",
            f"sectors: [{', '.join(secs)}]",
            f"introduced: {intro.isoformat()}",
            f"published: {pub.isoformat()}",
            "summary: >-",
            f"  {name} là tấm gương tiêu biểu trong phong trào xây dựng đời sống văn hóa ở cơ sở,",
            "  được bà con tin yêu và noi theo.",
            f"location: {rng.choice(_PLACES)}",
            "movement: Toàn dân đoàn kết xây dựng đời sống văn hóa",
            "achievements:",
            f"  - {{year: {intro.year}, text: Giải nhất hội thi văn nghệ quần chúng}}",
            "commendations:",
            f"  - {{year: {intro.year}, text: Giấy khen của Chủ tịch UBND huyện}}",
        ]
        if kind != "collective":
            lines += ["consent:", f"  date: {intro.isoformat()}", '  ref: "12/ĐY-VHTT"']
        if photo_every and i % photo_every == 0:
            with open(os.path.join(folder, f"{slug}.jpg"), "wb") as fh:
                if (camera or photo_size) and distinct_photos:
                    fh.write(_distinct(photo_bytes, i))  # decoding a camera photo costs the same
                else:
                    fh.write(_photo_bytes(i, size) if distinct_photos else photo_bytes)
            lines += [f"photo: {slug}.jpg", "photo_alt: Ảnh minh họa hoạt động văn nghệ ở ấp"]
        lines += ["featured: " + ("true" if i % 97 == 0 else "false"), "---", ""]
        with open(os.path.join(folder, f"{intro.year}-{slug}.md"), "w", encoding="utf-8") as fh:
            story = (_long_story(rng, name, rng.randint(*words)) if words
                     else _STORY.format(name=name) + "\n" + " ".join(rng.sample(_TOPICS, 4)))
            fh.write("\n".join(lines) + story + "\n")
    return root


_HEADINGS = ("Hành trình", "Đóng góp cho cộng đồng", "Giữ gìn bản sắc", "Những việc làm cụ thể",
             "Kết quả nổi bật", "Lan tỏa", "Được ghi nhận", "Dự định sắp tới")
_LINKS = ("[Cổng thông tin điện tử tỉnh](https://www.soctrang.gov.vn/)",
          "[bài viết trên báo tỉnh](https://baosoctrang.org.vn/van-hoa/)",
          "[Kế hoạch của Sở](https://sovhttdl.soctrang.gov.vn/)")


def _long_story(rng: random.Random, name: str, words: int) -> str:
    """About ``words`` words: sections of paragraphs, now and then a list or a link."""
    out: list[str] = [_STORY.format(name=name)]
    count = len(out[0].split())
    while count < words:
        out.append(f"## {rng.choice(_HEADINGS)}")
        for _ in range(rng.randint(2, 4)):
            para = " ".join(rng.sample(_TOPICS, rng.randint(3, 6)))
            if rng.random() < 0.3:
                para += f" Xem thêm {rng.choice(_LINKS)}."
            out.append(para)
            count += len(para.split())
        if rng.random() < 0.4:
            items = "\n".join(f"- {t.rstrip('.')}" for t in rng.sample(_TOPICS, 3))
            out.append(items)
            count += len(items.split())
    return "\n\n".join(out)


def _distinct(jpeg: bytes, i: int) -> bytes:
    """The same photo with a different comment segment: other bytes, same decoding cost."""
    text = f"sample photo {i}".encode()
    return jpeg[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + jpeg[2:]


def _photo_bytes(variant: int = 0, size: tuple[int, int] = (1200, 800),
                 rotated: bool = False) -> bytes:
    """A JPEG with some texture; ``rotated`` stores it sideways, as phone cameras do."""
    import io

    from PIL import Image, ImageDraw, ImageFilter

    w, h = size
    noise = Image.effect_noise((w // 8, h // 8), 40).resize(size).filter(ImageFilter.BLUR)
    im = Image.merge("RGB", (noise.point(lambda v: v // 3 + 20), noise.point(lambda v: v // 2 + 60),
                             noise.point(lambda v: v // 2 + 100)))
    d = ImageDraw.Draw(im)
    d.rectangle((0, h * 5 // 8, w, h), fill=(70, 140, 60))
    if variant:
        x, y = 37 * variant % (w - 100), 13 * variant % (h // 2)
        d.rectangle((x, y, x + w // 13, y + h // 13), fill=(variant % 251, 90, 200))
    d.ellipse((w * 7 // 10, h // 7, w * 5 // 6, h * 3 // 8), fill=(250, 210, 90))
    buf = io.BytesIO()
    if rotated:
        exif = Image.Exif()
        exif[0x0112] = 6  # shown turned 90 degrees clockwise
        im.transpose(Image.Transpose.ROTATE_90).save(buf, "JPEG", quality=85, exif=exif)
    else:
        im.save(buf, "JPEG", quality=80)
    return buf.getvalue()
