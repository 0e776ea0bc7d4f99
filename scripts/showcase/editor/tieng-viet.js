/* Vietnamese for Decap CMS: the strings decap-cms-locales 3.8.2 lacks in `vi`
 * (77 of the 248 English ones), and the ones this workflow words differently:
 * an entry is a profile ("hồ sơ"), a collection is a unit ("đơn vị"), to
 * publish is to merge the pull request (the board's step). Merged over the
 * shipped `vi` strings; tests/browser/test_editor.py checks that every English
 * key has a Vietnamese string.
 */
(function () {
  "use strict";
  var OURS = {
    auth: {
      loginWithAzure: "Đăng nhập bằng Azure",
      loginWithForgejo: "Đăng nhập bằng Forgejo",
      loginWithGitHub: "Đăng nhập bằng tài khoản GitHub",
    },
    app: {
      header: { content: "Hồ sơ", workflow: "Quy trình duyệt", media: "Ảnh", quickAdd: "Tạo hồ sơ" },
      app: {
        errorHeader: "Không tải được cấu hình biểu mẫu",
        configErrors: "Lỗi cấu hình",
        checkConfigYml: "Báo Ban biên tập: tệp config.yml của biểu mẫu có lỗi.",
        loadingConfig: "Đang tải biểu mẫu...",
        waitingBackend: "Đang kết nối tới kho hồ sơ...",
      },
    },
    collection: {
      sidebar: { collections: "Đơn vị giới thiệu", allCollections: "Tất cả đơn vị",
        searchAll: "Tìm trong mọi đơn vị", searchIn: "Tìm trong" },
      collectionTop: {
        viewAs: "Xem dạng", viewAsList: "Xem dạng danh sách", viewAsGrid: "Xem dạng lưới",
        groupBy: "Nhóm theo", newButton: "+ Tạo %{collectionLabel}",
        newButtonAriaLabel: "Tạo %{collectionLabel}",
      },
      entries: { unpublishedHeader: "Hồ sơ đang chờ duyệt", loadingEntries: "Đang tải hồ sơ...",
        cachingEntries: "Đang ghi nhớ hồ sơ...", noEntries: "Chưa có hồ sơ nào" },
      groups: { other: "Khác", negateLabel: "Không phải %{label}" },
    },
    editor: {
      editorControl: { field: { optional: "không bắt buộc", widgetLabel: "ô %{widgetLabel}" } },
      editorControlPane: {
        widget: {
          required: "%{fieldLabel}: bắt buộc, chưa điền.",
          regexPattern: "%{fieldLabel}: %{pattern}.",
          min: "%{fieldLabel}: không được nhỏ hơn %{minValue}.",
          max: "%{fieldLabel}: không được lớn hơn %{maxValue}.",
          range: "%{fieldLabel}: phải từ %{minValue} đến %{maxValue}.",
          rangeMin: "%{fieldLabel}: chọn ít nhất %{minCount} mục.",
          rangeMax: "%{fieldLabel}: chọn tối đa %{maxCount} mục.",
        },
        i18n: {
          writingInLocale: "Đang viết bằng %{locale}",
          copyFromLocale: "Điền từ ngôn ngữ khác",
          copyFromLocaleConfirm: "Điền nội dung từ %{locale}?\nMọi nội dung hiện có sẽ bị thay thế.",
        },
      },
      editor: {
        onPublishingNotReady: "Hãy chuyển trạng thái sang \"Sẵn sàng\" trước khi hợp nhất.",
        onPublishingWithUnsavedChanges: "Còn thay đổi chưa lưu: hãy lưu trước khi hợp nhất.",
        onPublishing: "Hợp nhất hồ sơ này vào kho để đăng?",
        onDeleteUnpublishedChanges: "Mọi thay đổi chưa hợp nhất của hồ sơ này sẽ bị xóa. Vẫn xóa?",
        loadingEntry: "Đang tải hồ sơ...",
        confirmLoadBackup: "Máy còn giữ một bản hồ sơ này chưa lưu. Dùng bản đó không?",
      },
      editorInterface: {
        toggleI18n: "Bật, tắt các ngôn ngữ",
        togglePreview: "Bật, tắt xem trước",
        toggleScrollSync: "Cuộn cùng lúc",
        toggleNotes: "Bật, tắt ghi chú",
      },
      editorNotesPane: {
        title: "Ghi chú", emptyState: "Chưa có ghi chú nào. Thêm ghi chú đầu tiên ở dưới.",
        addNote: "Thêm ghi chú", addPlaceholder: "Viết ghi chú...",
        editPlaceholder: "Sửa ghi chú...", save: "Lưu", cancel: "Hủy", edit: "Sửa",
        delete: "Xóa", resolve: "Đã xong", unresolve: "Mở lại",
        confirmDelete: "Xóa ghi chú này?", shortcut: "Mẹo: bấm Ctrl+Enter để thêm nhanh",
      },
      editorToolbar: {
        publish: "Hợp nhất", publishing: "Đang hợp nhất...", published: "Đã hợp nhất",
        publishNow: "Hợp nhất ngay", publishAndCreateNew: "Hợp nhất và tạo hồ sơ mới",
        publishAndDuplicate: "Hợp nhất và sao chép", duplicate: "Sao chép",
        deleteUnpublishedChanges: "Xóa thay đổi chưa hợp nhất",
        deleteUnpublishedEntry: "Xóa hồ sơ chưa hợp nhất",
        deletePublishedEntry: "Xóa hồ sơ đã hợp nhất", deleteEntry: "Xóa hồ sơ",
        status: "Trạng thái: %{status}",
        backCollection: " Hồ sơ của %{collectionLabel}",
        unsavedChanges: "Chưa lưu", changesSaved: "Đã lưu",
        draft: "Bản nháp", inReview: "Gửi duyệt", ready: "Sẵn sàng",
        statusInfoTooltipDraft: "Hồ sơ đang là bản nháp. Viết xong, chuyển trạng thái sang \"Gửi duyệt\" để Ban biên tập xem.",
        statusInfoTooltipInReview: "Hồ sơ đã gửi Ban biên tập duyệt; không cần làm gì thêm. Vẫn có thể sửa trong lúc chờ duyệt.",
        deployPreviewPendingButtonLabel: "Kiểm tra bản xem trước",
        deployPreviewButtonLabel: "Xem bản xem trước",
        deployButtonLabel: "Xem trên trang",
      },
      editorWidgets: {
        markdown: {
          bold: "Chữ đậm", italic: "Chữ nghiêng", strikethrough: "Gạch ngang", code: "Mã",
          link: "Liên kết", linkPrompt: "Nhập địa chỉ liên kết (https://...)",
          headings: "Tiêu đề mục", quote: "Trích dẫn", bulletedList: "Danh sách gạch đầu dòng",
          numberedList: "Danh sách đánh số", addComponent: "Thêm thành phần",
          richText: "Soạn thảo", markdown: "Markdown",
          toggleMode: { rich: "Chuyển sang soạn thảo", markdown: "Chuyển sang Markdown" },
        },
        image: {
          choose: "Chọn ảnh", chooseDifferent: "Chọn ảnh khác", remove: "Bỏ ảnh",
          chooseMultiple: "Chọn các ảnh", chooseUrl: "Chèn từ địa chỉ",
          replaceUrl: "Thay bằng địa chỉ", promptUrl: "Nhập địa chỉ của ảnh",
          addMore: "Thêm ảnh", removeAll: "Bỏ mọi ảnh",
        },
        file: {
          chooseUrl: "Chèn từ địa chỉ", chooseMultiple: "Chọn các tệp",
          replaceUrl: "Thay bằng địa chỉ", promptUrl: "Nhập địa chỉ của tệp",
          addMore: "Thêm tệp", removeAll: "Bỏ mọi tệp", choose: "Chọn tệp",
          chooseDifferent: "Chọn tệp khác", remove: "Bỏ tệp",
        },
        unknownControl: { noControl: "Biểu mẫu không có ô nhập cho '%{widget}'." },
        unknownPreview: { noPreview: "Không xem trước được '%{widget}'." },
        headingOptions: { headingOne: "Tiêu đề cấp 1", headingTwo: "Tiêu đề mục",
          headingThree: "Tiêu đề mục nhỏ" },
        datetime: { now: "Hôm nay", clear: "Xóa ngày", setToNow: "Ghi %{fieldLabel} là hôm nay" },
        list: { add: "Thêm %{item}", addType: "Thêm %{item}" },
        object: { expand: "Mở ra", collapse: "Thu gọn" },
      },
    },
    mediaLibrary: {
      mediaLibraryCard: { draft: "Chưa lưu", copy: "Sao chép", copyUrl: "Sao chép địa chỉ",
        copyPath: "Sao chép đường dẫn", copyName: "Sao chép tên", copied: "Đã sao chép" },
      mediaLibrary: { onDelete: "Xóa ảnh đã chọn?" },
      mediaLibraryModal: {
        close: "Đóng", noAssetsFound: "Chưa có ảnh nào.", noImagesFound: "Chưa có ảnh nào.",
        images: "Ảnh", mediaAssets: "Ảnh", search: "Tìm ảnh...", upload: "Tải ảnh lên",
        uploading: "Đang tải ảnh lên...", deleteSelected: "Xóa ảnh đã chọn",
        chooseSelected: "Dùng ảnh đã chọn", download: "Tải về",
      },
    },
    ui: {
      default: { goBackToSite: "Về trang chuyên mục" },
      errorBoundary: { reportIt: "báo Ban biên tập (kèm nội dung dưới đây)." },
      settingsDropdown: { account: "Tài khoản", logOut: "Đăng xuất" },
      toast: {
        onFailToPersist: "Không lưu được hồ sơ: %{details}",
        missingRequiredField: "Hồ sơ còn chỗ chưa đúng (ghi màu đỏ dưới từng ô): sửa rồi lưu lại.",
        entrySaved: "Đã lưu hồ sơ",
        entryPublished: "Đã hợp nhất hồ sơ",
        entryUpdated: "Đã cập nhật trạng thái hồ sơ",
        onFailToLoadEntries: "Không tải được hồ sơ: %{details}",
        onFailToUpdateStatus: "Không cập nhật được trạng thái: %{details}",
        onBackendDown: "Dịch vụ lưu trữ đang gặp sự cố. Xem %{details} để biết thêm.",
        noteAdded: "Đã thêm ghi chú", onFailToAddNote: "Không thêm được ghi chú: %{details}",
        noteUpdated: "Đã sửa ghi chú", onFailToUpdateNote: "Không sửa được ghi chú: %{details}",
        noteDeleted: "Đã xóa ghi chú", onFailToDeleteNote: "Không xóa được ghi chú: %{details}",
        noteResolved: "Ghi chú đã xong", noteReopened: "Đã mở lại ghi chú",
        onFailToToggleNote: "Không đổi được trạng thái ghi chú: %{details}",
      },
    },
    workflow: {
      workflow: {
        loading: "Đang tải các hồ sơ đang duyệt",
        workflowHeading: "Hồ sơ đang duyệt",
        newPost: "Tạo hồ sơ",
        description: "%{smart_count} hồ sơ chờ duyệt, %{readyCount} hồ sơ sẵn sàng hợp nhất. |||| %{smart_count} hồ sơ chờ duyệt, %{readyCount} hồ sơ sẵn sàng hợp nhất.",
        dateFormat: "DD/MM",
      },
      workflowCard: { deleteChanges: "Xóa thay đổi", deleteNewEntry: "Xóa hồ sơ mới",
        publishChanges: "Hợp nhất thay đổi", publishNewEntry: "Hợp nhất hồ sơ mới" },
      workflowList: {
        onDeleteEntry: "Xóa hồ sơ này?",
        onPublishingNotReadyEntry: "Chỉ hợp nhất được hồ sơ ở cột \"Sẵn sàng\": kéo thẻ hồ sơ sang cột đó.",
        onPublishEntry: "Hợp nhất hồ sơ này vào kho để đăng?",
        draftHeader: "Bản nháp", inReviewHeader: "Đang chờ duyệt", readyHeader: "Sẵn sàng",
        currentEntries: "%{smart_count} hồ sơ |||| %{smart_count} hồ sơ",
      },
    },
  };

  function merge(base, extra) {
    var out = Object.assign({}, base);
    Object.keys(extra).forEach(function (k) {
      var v = extra[k];
      out[k] = v && typeof v === "object" && base && typeof base[k] === "object"
        ? merge(base[k], v) : v;
    });
    return out;
  }
  window.CMS.registerLocale("vi", merge(window.CMS.getLocale("vi") || {}, OURS));
})();
