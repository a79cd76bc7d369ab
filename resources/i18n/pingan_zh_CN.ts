<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../widgets/common/about_dialog.py" line="+26" />
        <source>Pingan Console</source>
        <translation>平安图指挥台</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+1" />
        <source>libVLC library</source>
        <translation>libVLC 库文件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Platform</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Frozen bundle</source>
        <translation>安装包版本</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database location</source>
        <translation>数据库位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Schema revision</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <location line="+8" />
        <source>About Pingan Console</source>
        <translation>关于平安图指挥台</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pingan Console: a GIS operations console for social-governance centers.</source>
        <translation>平安图指挥台：面向综治中心的地理信息指挥台。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Collect diagnostics…</source>
        <translation>收集诊断信息…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Save diagnostics</source>
        <translation>保存诊断信息</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+2" />
        <source>Collect diagnostics</source>
        <translation>收集诊断信息</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Diagnostics saved to %1 (passwords removed).</source>
        <translation>诊断信息已保存到 %1（已去除密码）。</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../widgets/inbox/action_dialog.py" line="+48" />
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category:</source>
        <translation>事件类别：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department:</source>
        <translation>职能部门：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate of case id:</source>
        <translation>重复于事件编号(ID)：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New deadline:</source>
        <translation>新办理时限：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Due:</source>
        <translation>督办时限：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../widgets/inbox/alert_banner.py" line="+29" />
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Acknowledge</source>
        <translation>知道了</translation>
    </message>
    <message numerus="yes">
        <location line="+20" />
        <source>Urgent incidents: %n</source>
        <translation>
            <numerusform>紧急事件 %n 起</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <location filename="../../console/qtmodels/map_basemap.py" line="+167" />
        <source>Tile server of basemap “%1” unreachable (%2); the map works on without it.</source>
        <translation>底图“%1”的瓦片服务器无法连接（%2）；地图照常使用，不显示该底图。</translation>
    </message>
</context>
<context>
    <name>CameraTreePanel</name>
    <message>
        <location filename="../../widgets/video/camera_tree.py" line="+22" />
        <source>Search cameras</source>
        <translation>搜索摄像头</translation>
    </message>
</context>
<context>
    <name>CanvasInput</name>
    <message numerus="yes">
        <location filename="../../widgets/map/canvas_input.py" line="+147" />
        <source>%n objects — click to zoom in</source>
        <translation>
            <numerusform>%n 个对象 — 单击放大</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../widgets/common/first_run_wizard.py" line="+55" />
        <source>Choose the database</source>
        <translation>选择数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The choice is remembered on this computer; IT staff can pre-set it with a config file.</source>
        <translation>本机会记住此选择；信息技术人员也可以用配置文件预先设定。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The embedded demo database (a sample district, for training)</source>
        <translation>内置演示数据库（示例辖区，用于培训）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A new empty database file on this computer</source>
        <translation>在本机新建空数据库文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The center's PostgreSQL server</source>
        <translation>中心的 PostgreSQL 服务器</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../widgets/common/status_bar.py" line="+18" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connection lost</source>
        <translation>连接中断</translation>
    </message>
</context>
<context>
    <name>DaySheet</name>
    <message>
        <location filename="../../widgets/review/day_sheet.py" line="+177" />
        <source>Grid worker day sheet</source>
        <translation>网格员工作日志</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Blue: track · circles: stops · green squares: check-ins · yellow triangles: reports · green dot: start · red dot: end</source>
        <translation>蓝线：轨迹 · 圆圈：停留点 · 绿色方块：签到 · 黄色三角：上报 · 绿点：起点 · 红点：终点</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stops</source>
        <translation>停留点</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Check-ins and reports</source>
        <translation>签到与上报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise / case</source>
        <translation>场所 / 事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
</context>
<context>
    <name>DispatchBoard</name>
    <message>
        <location filename="../../widgets/inbox/dispatch_board.py" line="+57" />
        <source>Filter departments, centers and workers</source>
        <translation>筛选职能部门、下级中心和网格员</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Drag cases from the inbox onto a target, or press Ctrl+D in the inbox.</source>
        <translation>将事件从事件列表拖拽到派遣对象上派遣，或在事件列表中按 Ctrl+D。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Not dispatched to %1:</source>
        <translation>未能派遣至%1：</translation>
    </message>
    <message>
        <location line="+9" />
        <source>This worker is not among your dispatch targets.</source>
        <translation>该网格员不在您的派遣对象中。</translation>
    </message>
    <message>
        <location line="+64" />
        <source>it is “%1”; only filed or returned cases can be dispatched</source>
        <translation>当前状态为“%1”，只有已立案或已回退的案件可以派遣</translation>
    </message>
    <message>
        <location line="+2" />
        <source>your role may not dispatch cases</source>
        <translation>您的角色无权派遣案件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>it lies outside %1</source>
        <translation>不在%1辖区内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 does not serve its grid</source>
        <translation>%1不负责该案件所在网格</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+5" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Dispatched %1 of %2 cases to %3.</source>
        <translation>已将%2件中的%1件派遣至%3。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Dispatch of %1 cases undone.</source>
        <translation>已撤销%1件案件的派遣。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The dispatch could not be written: %1</source>
        <translation>派遣未能写入：%1</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../widgets/inbox/dispatch_dialog.py" line="+30" />
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dispatch %1 cases (%2) to:</source>
        <translation>将%1件案件（%2）派遣至：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Search departments, centers and workers</source>
        <translation>搜索职能部门、下级中心和网格员</translation>
    </message>
</context>
<context>
    <name>DispatchTargets</name>
    <message>
        <location filename="../../console/qtmodels/dispatch_targets.py" line="+43" />
        <source>Department</source>
        <translation>职能部门</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lower-level center</source>
        <translation>下级中心</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
</context>
<context>
    <name>DispatchTargetsModel</name>
    <message>
        <location line="+21" />
        <source>Target</source>
        <translation>派遣对象</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Where</source>
        <translation>所在</translation>
    </message>
</context>
<context>
    <name>DispatchWiring</name>
    <message>
        <location filename="../../widgets/inbox/dispatch_wiring.py" line="+36" />
        <source>Select the cases to dispatch first.</source>
        <translation>请先选择要派遣的案件。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Dispatch board</source>
        <translation>派遣台</translation>
    </message>
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <location filename="../../widgets/premises/dossier_panel.py" line="+72" />
        <source>Double-click a premise in the table, on the map or in the search results to open its dossier.</source>
        <translation>在场所列表、地图或搜索结果中双击场所，即可打开其一户一档。</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+132" />
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="-131" />
        <source>Print rectification notice</source>
        <translation>打印整改通知书</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New premise</source>
        <translation>新建场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>QR labels of this grid</source>
        <translation>打印本网格二维码标签</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Signed QR code of this premise: scanned at check-in</source>
        <translation>本场所的签名二维码：走访时扫码签到</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Status and why</source>
        <translation>状态及原因</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location line="+6" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+85" />
        <source>Re-inspect</source>
        <translation>复查</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No rectification in progress.</source>
        <translation>当前无整改事项。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Notice no. %1 of %2: rectify by %3, re-inspection on %4.</source>
        <translation>%2 下发的第 %1 号整改通知：%3 前整改完毕，%4 复查。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Someone else changed this premise meanwhile; it has been reloaded. Your entry was not saved: check the fresh data and enter it again.</source>
        <translation>该场所已被他人修改并已重新加载，您的录入未保存：请核对最新数据后重新录入。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This premise lies outside your jurisdiction.</source>
        <translation>该场所不在您的管辖范围内。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Refused: %1</source>
        <translation>操作被拒绝：%1</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Inspection recorded: the premise is now “%1”; next inspection on %2.</source>
        <translation>检查已记录：场所现为“%1”，下次检查日期 %2。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The rectification notice was sent to the owner by SMS.</source>
        <translation>整改通知已通过短信发送给负责人。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No SMS: the owner has no mobile number on file.</source>
        <translation>未发短信：档案中没有负责人的手机号码。</translation>
    </message>
    <message>
        <location line="+45" />
        <source>Premise saved.</source>
        <translation>场所已保存。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>New premise registered.</source>
        <translation>新场所已登记。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Save rectification notice</source>
        <translation>保存整改通知书</translation>
    </message>
    <message>
        <location line="+6" />
        <location line="+20" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Rectification notice saved to %1.</source>
        <translation>整改通知书已保存到 %1。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Save QR labels</source>
        <translation>保存二维码标签</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1 QR labels on %2 pages saved to %3.</source>
        <translation>%1 个二维码标签（共 %2 页）已保存到 %3。</translation>
    </message>
</context>
<context>
    <name>DossierPhotos</name>
    <message>
        <location filename="../../widgets/premises/dossier_photos.py" line="+33" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Add a photo to the premise</source>
        <translation>为场所添加照片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Photo added.</source>
        <translation>照片已添加。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove the photo %1 from this premise's file?</source>
        <translation>从该场所档案中删除照片 %1？</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Photo removed.</source>
        <translation>照片已删除。</translation>
    </message>
</context>
<context>
    <name>DossierTimeline</name>
    <message>
        <location filename="../../widgets/premises/dossier_sections.py" line="+26" />
        <source>Inspection</source>
        <translation>排查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problem rectified</source>
        <translation>问题已整改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rectification notice</source>
        <translation>整改通知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>SMS to owner</source>
        <translation>短信通知负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Edited</source>
        <translation>修改档案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Photo added</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Photo removed</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location line="+3" />
        <source>open</source>
        <translation>整改中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+1" />
        <source>superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <location line="+1" />
        <source>queued</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location line="+1" />
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+1" />
        <source>failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <location line="+69" />
        <source>No. %1, rectify by %2</source>
        <translation>第 %1 号，%2 前整改</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>DossierWiring</name>
    <message>
        <location filename="../../widgets/premises/dossier_wiring.py" line="+51" />
        <source>Dossier</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <location line="+6" />
        <source>New premise here</source>
        <translation>在此新建场所</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../console/qtmodels/error_catalogue.py" line="+15" />
        <source>'{action}' needs '{field}' as a {type}, not {value}.</source>
        <translation>“{action}”操作需要“{field}”为 {type} 类型，而不是 {value}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>'{action}' needs '{field}'.</source>
        <translation>“{action}”操作需要填写“{field}”。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A supervision order must be due after it is issued.</source>
        <translation>督办期限必须晚于下达时间。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only {actor}, who dispatched the case, may recall it.</source>
        <translation>只有派遣该案件的 {actor} 可以撤回派遣。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A dispatch can only be recalled within {minutes} minutes.</source>
        <translation>派遣只能在 {minutes} 分钟内撤回。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The {role} role may not '{action}' a case.</source>
        <translation>{role}角色无权对案件执行“{action}”操作。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>'{action}' is not allowed on a case in state '{state}'; it needs one of: {states}.</source>
        <translation>案件当前状态为“{state}”，不能执行“{action}”；该操作仅适用于以下状态：{states}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>A case cannot be a duplicate of itself.</source>
        <translation>案件不能标记为自身的重复件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>'dispatch' needs exactly one of 'assignee_org_id' or 'assignee_worker_id'.</source>
        <translation>派遣须且只能指定一个承办单位或一名承办网格员。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>An extension must move the deadline later.</source>
        <translation>延期后的办理时限必须晚于原时限。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The case is already at the top level ({level}).</source>
        <translation>案件已处于最高层级“{level}”，无法再上报升级。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unknown action {value}.</source>
        <translation>未知操作 {value}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{value} is neither an 11-digit mobile number nor an area code with a 7-8 digit number</source>
        <translation>{value} 既不是 11 位手机号码，也不是区号加 7–8 位号码的固定电话</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{value} contains characters other than digits</source>
        <translation>{value} 含有数字以外的字符</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case_no} lies in a grid {name} does not serve.</source>
        <translation>案件 {case_no} 所在网格不由{name}负责。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is no org unit with id {id}.</source>
        <translation>不存在编号为 {id} 的组织机构。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{name} is a {kind}; cases go to a department, a lower-level center or a worker.</source>
        <translation>{name}是{kind}；案件只能派遣至职能部门、下级中心或网格员。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{name} belongs to another district.</source>
        <translation>{name}属于其他区（县）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case {case_no} lies outside {name}.</source>
        <translation>案件 {case_no} 不在{name}辖区内。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no active worker with id {id}.</source>
        <translation>不存在编号为 {id} 的在岗网格员。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker {name} works outside {user}'s jurisdiction.</source>
        <translation>网格员{name}不在 {user} 的辖区内。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident {id} was never dispatched.</source>
        <translation>事件 {id} 从未派遣过。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>A case cannot be merged into its own duplicate.</source>
        <translation>案件不能合并到其自身的重复件中。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>These cases are already duplicates of each other.</source>
        <translation>这些案件已互为重复件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{file}: only PNG or JPEG pictures can be attached</source>
        <translation>{file}：只能添加 PNG 或 JPEG 图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file}: the content is not a {format} picture</source>
        <translation>{file}：文件内容不是 {format} 图片</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file}: {size} MiB is over the {limit} MiB limit</source>
        <translation>{file}：{size} MiB 超过 {limit} MiB 的上限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file}: the file name is too long</source>
        <translation>{file}：文件名过长</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{file}: cannot be read ({detail})</source>
        <translation>{file}：无法读取（{detail}）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>'{action}' cannot be done on several cases at once.</source>
        <translation>“{action}”不能对多个案件批量执行。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case_no} was changed by {actor} at {at} ({action}) and is now '{state}'; your action was not applied.</source>
        <translation>案件 {case_no} 已由 {actor} 于 {at} 先行处理（{action}），当前状态为“{state}”；您的操作未执行。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case_no} was changed by another session and is now '{state}'; your action was not applied.</source>
        <translation>案件 {case_no} 已在其他坐席被修改，当前状态为“{state}”；您的操作未执行。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Case {case_no} was changed by {actor} at {at} and is now '{state}'; your action was not applied.</source>
        <translation>案件 {case_no} 已由 {actor} 于 {at} 修改，当前状态为“{state}”；您的操作未执行。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>empty: no header row</source>
        <translation>文件为空：没有表头行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not Open311 JSON: {detail}</source>
        <translation>不是 Open311 JSON 文件：{detail}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{path}: row {row}: {field}: {reason}</source>
        <translation>{path}：第 {row} 行：{field}：{reason}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} problem(s), nothing imported:</source>
        <translation>发现 {count} 个问题，未导入任何数据：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>… and {count} more problems</source>
        <translation>……另有 {count} 个问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown {field} {value}</source>
        <translation>未知的{field} {value}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be 1 to 4, not {value}</source>
        <translation>应为 1 至 4，而不是 {value}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{lon}, {lat} lies in no grid of {user}'s jurisdiction</source>
        <translation>{lon}, {lat} 不在 {user} 辖区内的任何网格中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{case_no} repeats row {row}</source>
        <translation>{case_no} 与第 {row} 行重复</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{case_no} is already in the database</source>
        <translation>{case_no} 已存在于数据库中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>longer than {count} characters</source>
        <translation>超过 {count} 个字符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>pick a point on the map or find the address</source>
        <translation>请在地图上选点或查找地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a {source} report needs the number</source>
        <translation>{source}上报需要填写联系电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{lon}, {lat} is not a longitude/latitude</source>
        <translation>{lon}, {lat} 不是有效的经纬度</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Unknown source {value}; expected one of {sources}.</source>
        <translation>未知来源 {value}；应为以下之一：{sources}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority must be one of {choices}, not {value}.</source>
        <translation>紧急程度应为 {choices} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>An incident needs a title and a category.</source>
        <translation>事件需要填写标题和类别。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The location {lon}, {lat} is not a longitude/latitude.</source>
        <translation>位置 {lon}, {lat} 不是有效的经纬度。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no grid with id {id}.</source>
        <translation>不存在编号为 {id} 的网格。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid {name} lies outside the jurisdiction of {user}.</source>
        <translation>网格{name}不在 {user} 的辖区内。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The point {lon}, {lat} lies in no grid of {user}'s jurisdiction.</source>
        <translation>点 {lon}, {lat} 不在 {user} 辖区内的任何网格中。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The {role} role may not take incidents in.</source>
        <translation>{role}角色无权登记事件。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident {id} lies outside the jurisdiction of {user}.</source>
        <translation>事件 {id} 不在 {user} 的辖区内。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>There is no incident with id {id}.</source>
        <translation>不存在编号为 {id} 的事件。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{what} lies outside the jurisdiction of {user}.</source>
        <translation>{what}不在 {user} 的辖区内。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No premise with id {id}.</source>
        <translation>不存在编号为 {id} 的场所。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise {code}</source>
        <translation>场所 {code}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise {id} was changed by someone else (version {current}, you had {seen}); reopen it and record the visit again.</source>
        <translation>场所 {id} 已被他人修改（当前版本 {current}，您打开的是版本 {seen}）；请重新打开后再次录入排查。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Checklist {id} is not one for premises of type {premise_type}.</source>
        <translation>检查清单 {id} 不适用于“{premise_type}”类场所。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Items {ids} are not on checklist {name}.</source>
        <translation>检查项 {ids} 不在检查清单“{name}”中。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check-in {id} is not one at this premise.</source>
        <translation>签到 {id} 不是在本场所的签到。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>feature {index}, field {field}: {reason}</source>
        <translation>第 {index} 个要素，字段{field}：{reason}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>duplicate of feature {index} ({code})</source>
        <translation>与第 {index} 个要素重复（{code}）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a district has no parent in this hierarchy</source>
        <translation>区（县）在此层级中没有上级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>code {code}</source>
        <translation>编码 {code}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no org unit with {what} in the file or the database</source>
        <translation>文件和数据库中都没有{what}的组织单元</translation>
    </message>
    <message>
        <location line="+1" />
        <source>name {name}</source>
        <translation>名称 {name}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no {kind} named {name} in the file or the database</source>
        <translation>文件和数据库中都没有名为 {name} 的{kind}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{count} units of kind {kind} are named {name}; give the parent's code instead</source>
        <translation>有 {count} 个{kind}名为 {name}；请改用上级编码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>missing: name the parent by code or by name</source>
        <translation>缺失：请用编码或名称指明上级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the unit with {what} is a {kind}; a {level}'s parent is a {parent_kind}</source>
        <translation>{what}的单位是{kind}；{level}的上级应为{parent_kind}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{code} is already the code of the {kind} {name}</source>
        <translation>{code} 已是{kind}“{name}”的编码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{code} exists under another parent; moving existing units is not supported</source>
        <translation>{code} 已存在于其他上级之下；不支持移动已有单位</translation>
    </message>
    <message>
        <location line="+2" />
        <source>outside the jurisdiction of {user}</source>
        <translation>不在 {user} 的辖区内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{user} is not an administrator; only administrators import org units</source>
        <translation>{user} 不是管理员；只有管理员可以导入组织单元</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The {role} role may not add or remove photos.</source>
        <translation>{role}角色无权添加或删除照片。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Photo {id} is no longer on file.</source>
        <translation>照片 {id} 已不在档案中。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only {user}, who added {file}, or an administrator may remove it.</source>
        <translation>只有添加 {file} 的 {user} 或管理员可以删除它。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>a name is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown premise type {value}</source>
        <translation>未知场所类型 {value}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>an address is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <location line="+1" />
        <source>at most {count} characters</source>
        <translation>最多 {count} 个字符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{value} is neither a mobile nor a landline number</source>
        <translation>{value} 既不是手机号码也不是固定电话号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>6–64 digits, capital letters or dashes</source>
        <translation>应为 6 至 64 位数字、大写字母或连字符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>longitude {value} lies outside China</source>
        <translation>经度 {value} 不在中国境内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>latitude {value} lies outside China</source>
        <translation>纬度 {value} 不在中国境内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no grid with id {id}</source>
        <translation>不存在编号为 {id} 的网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>grid {name} lies outside the jurisdiction of {user}</source>
        <translation>网格{name}不在 {user} 的辖区内</translation>
    </message>
    <message>
        <location line="+2" />
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>line {line}: there is no candidate {number}; its address has {count} candidates</source>
        <translation>第 {line} 行：没有第 {number} 个候选地址；该地址只有 {count} 个候选</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no coordinates, and the address {address} matches nothing in the address library</source>
        <translation>没有坐标，且地址 {address} 在地址库中没有匹配项</translation>
    </message>
    <message>
        <location line="+2" />
        <source>({lon}, {lat}) lies outside every grid of the district</source>
        <translation>（{lon}, {lat}）不在本区任何网格内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>its grid lies outside the jurisdiction of {user}</source>
        <translation>所在网格不在 {user} 的辖区内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a premise with code {code} already exists</source>
        <translation>编号为 {code} 的场所已存在</translation>
    </message>
    <message>
        <location line="+1" />
        <source>duplicate of line {line} (code {code})</source>
        <translation>与第 {line} 行重复（编号 {code}）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>line {line}: not in {path}</source>
        <translation>第 {line} 行：不在 {path} 中</translation>
    </message>
    <message>
        <location line="+2" />
        <source>cannot be read as UTF-8 or GBK: {detail}</source>
        <translation>无法按 UTF-8 或 GBK 编码读取：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be one of {choices}</source>
        <translation>应为以下之一：{choices}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>expected a JSON object</source>
        <translation>应为 JSON 对象</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown field(s) {names}; expected {expected}</source>
        <translation>未知字段 {names}；应为：{expected}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>column missing</source>
        <translation>缺少该列</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not a JSON mapping: {detail}</source>
        <translation>不是有效的 JSON 映射文件：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not an XLSX workbook: {detail}</source>
        <translation>不是 XLSX 工作簿：{detail}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{value} is outside {low}..{high}</source>
        <translation>{value} 超出 {low}..{high} 的范围</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{value} is not a number</source>
        <translation>{value} 不是数字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{value} is not a date and time (e.g. 2026-11-30 09:30)</source>
        <translation>{value} 不是日期时间（例如 2026-11-30 09:30）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>expected a JSON array of service requests</source>
        <translation>应为服务请求（service request）的 JSON 数组</translation>
    </message>
    <message>
        <location line="+1" />
        <source>must be 'open' or 'closed', not {value}</source>
        <translation>应为“open”或“closed”，而不是 {value}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+1" />
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{path}: not a readable Shapefile: {detail}</source>
        <translation>{path}：不是可读取的 Shapefile 文件：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: cannot tell the format from the name; expected .geojson, .json or .shp</source>
        <translation>{path}：无法从文件名判断格式；应为 .geojson、.json 或 .shp</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{path}: mapped properties not in the file: {columns}</source>
        <translation>{path}：映射的属性在文件中不存在：{columns}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: no property for {fields}; name it in the mapping file</source>
        <translation>{path}：没有对应{fields}的属性；请在映射文件中指定</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown level {value}; expected one of {choices} (or map it under values.kind)</source>
        <translation>未知层级 {value}；应为以下之一：{choices}（或在映射文件 values.kind 中映射）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no geometry</source>
        <translation>没有几何图形</translation>
    </message>
    <message>
        <location line="+1" />
        <source>cannot be read: {detail}</source>
        <translation>无法读取：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a {type}, expected Polygon or MultiPolygon</source>
        <translation>图形为 {type}，应为 Polygon 或 MultiPolygon</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the polygon is empty</source>
        <translation>多边形为空</translation>
    </message>
    <message>
        <location line="+1" />
        <source>coordinates are not longitude/latitude degrees</source>
        <translation>坐标不是经纬度（度）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>invalid polygon: {detail}</source>
        <translation>多边形无效：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{value} is longer than {count} characters</source>
        <translation>{value} 超过 {count} 个字符</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{path}: cannot read the mapping: {detail}</source>
        <translation>{path}：无法读取映射文件：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: 'fields' must map targets ({targets}) to source columns</source>
        <translation>{path}：“fields”应将目标字段（{targets}）映射到源数据列</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: 'fields' must map targets ({targets}) to source columns; unknown {names}</source>
        <translation>{path}：“fields”应将目标字段（{targets}）映射到源数据列；未知字段 {names}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the file is neither UTF-8 nor GB18030/GBK text: {detail}</source>
        <translation>文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: not a readable XLSX workbook: {detail}</source>
        <translation>{path}：不是可读取的 XLSX 工作簿：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: not a GeoJSON FeatureCollection: {detail}</source>
        <translation>{path}：不是 GeoJSON FeatureCollection：{detail}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: cannot tell the format from the name; expected .csv, .xlsx or .geojson</source>
        <translation>{path}：无法从文件名判断格式；应为 .csv、.xlsx 或 .geojson</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{path}: no such file</source>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unknown premise type {value} (map it under values.type)</source>
        <translation>未知场所类型 {value}（请在映射文件 values.type 中映射）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{field} {value} is not a number</source>
        <translation>{field} {value} 不是数字</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{field} {value} is out of range</source>
        <translation>{field} {value} 超出范围</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{field} is missing</source>
        <translation>缺少{field}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no coordinates (lon, lat) and no address to look them up</source>
        <translation>没有坐标（经度、纬度），也没有可用于查找坐标的地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>code {code} is longer than {count} characters</source>
        <translation>编号 {code} 超过 {count} 个字符</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: mapped columns not in the file: {columns}</source>
        <translation>{path}：映射的列在文件中不存在：{columns}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{path}: no column for {fields}; name it in the mapping file</source>
        <translation>{path}：没有对应{fields}的列；请在映射文件中指定</translation>
    </message>
    <message>
        <location line="+2" />
        <source>choose a grid</source>
        <translation>请选择网格</translation>
    </message>
    <message>
        <location line="+2" />
        <source>daily cap {cap} reached</source>
        <translation>已达每日上限 {cap} 分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>due {day}</source>
        <translation>应检日期 {day}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>deadline {at}</source>
        <translation>办理时限 {at}</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/error_messages.py" line="+29" />
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <location filename="../../widgets/review/replay_events.py" line="+24" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise / case</source>
        <translation>场所 / 事件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/inbox/export_dialog.py" line="+39" />
        <location line="+43" />
        <source>Export incidents</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <location line="-40" />
        <source>Open311 JSON</source>
        <translation>Open311 JSON</translation>
    </message>
    <message>
        <location line="+0" />
        <source>XLSX</source>
        <translation>XLSX</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The cases of the queue “%1” with the current filters.</source>
        <translation>导出“%1”队列中符合当前筛选条件的事件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 cases written to %2.</source>
        <translation>已将%1件事件写入 %2。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Nothing was written: %1</source>
        <translation>未写入任何数据：%1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../widgets/common/first_run_wizard.py" line="+159" />
        <source>Pingan Console set-up</source>
        <translation>平安图指挥台初始设置</translation>
    </message>
</context>
<context>
    <name>IdentifyCard</name>
    <message>
        <location filename="../../widgets/map/identify_card.py" line="+26" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last inspection</source>
        <translation>上次排查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next inspection</source>
        <translation>下次排查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last position</source>
        <translation>最后定位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <translation>在线状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stream</source>
        <translation>视频流</translation>
    </message>
    <message>
        <location line="+15" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Dossier</source>
        <translation>一户一档</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../widgets/inbox/import_dialog.py" line="+59" />
        <location line="+117" />
        <source>Import incidents</source>
        <translation>导入事件</translation>
    </message>
    <message>
        <location line="-110" />
        <source>Open311 JSON, CSV (UTF-8 or GBK) or XLSX</source>
        <translation>Open311 JSON、CSV（UTF-8 或 GBK）或 XLSX</translation>
    </message>
    <message>
        <location line="+2" />
        <location filename="../../widgets/premises/import_dialog.py" line="+130" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open311 JSON</source>
        <translation>Open311 JSON</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+0" />
        <source>XLSX</source>
        <translation>XLSX</translation>
    </message>
    <message>
        <location line="+5" />
        <source>WGS-84 / CGCS2000</source>
        <translation>WGS-84 / CGCS2000</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../../widgets/premises/import_dialog.py" line="-68" />
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../../widgets/premises/import_dialog.py" line="+0" />
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Load mapping…</source>
        <translation>载入映射…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <location line="+8" />
        <location filename="../../widgets/premises/import_dialog.py" line="+21" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose a file.</source>
        <translation>请选择文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Check (dry run)</source>
        <translation>检查（试运行）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+7" />
        <location filename="../../widgets/premises/import_dialog.py" line="-15" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Datum:</source>
        <translation>坐标系：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Column mapping (* required)</source>
        <translation>列映射（* 为必填）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Case lists (*.json *.csv *.txt *.xlsx);;All files (*)</source>
        <translation>案件清单 (*.json *.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Check the file to see which rows would be imported.</source>
        <translation>请先检查文件，查看哪些行可以导入。</translation>
    </message>
    <message>
        <location line="+19" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Load mapping</source>
        <translation>载入映射</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+17" />
        <source>Mapping (*.json)</source>
        <translation>映射文件 (*.json)</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 rows accepted, none rejected: ready to import.</source>
        <translation>%1行通过，无拒绝行：可以导入。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 rows accepted, %2 rejected (lines %3). Nothing is imported until every row is right.</source>
        <translation>%1行通过，%2行被拒绝（第%3行）。所有行都正确后才会导入。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The file cannot be imported; see the problems below.</source>
        <translation>该文件无法导入，请查看下方问题。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The file holds no cases.</source>
        <translation>文件中没有事件。</translation>
    </message>
    <message>
        <location line="+15" />
        <location filename="../../widgets/premises/import_dialog.py" line="+124" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1 cases imported.</source>
        <translation>已导入%1件事件。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/premises/import_dialog.py" line="-148" />
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <location line="+9" />
        <source>CSV, XLSX, GeoJSON or Shapefile</source>
        <translation>CSV、XLSX、GeoJSON 或 Shapefile 文件</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Org units (streets, communities, grids)</source>
        <translation>组织单元（街道、社区、网格）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>optional: which column feeds which field</source>
        <translation>可选：指定源数据列与字段的对应关系</translation>
    </message>
    <message>
        <location line="+3" />
        <source>WGS-84 (GPS, CGCS2000)</source>
        <translation>WGS-84（GPS、CGCS2000）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Contents:</source>
        <translation>数据内容：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mapping file:</source>
        <translation>字段映射文件：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Coordinate system:</source>
        <translation>坐标系：</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose a file, then Preview to check it without writing.</source>
        <translation>请选择文件，然后点击“预览”进行检查（不写入数据）。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+4" />
        <source>First rows of the file</source>
        <translation>文件前几行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dry run</source>
        <translation>试导入结果</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Import &amp;reviewed rows</source>
        <translation>导入已核对的行(&amp;R)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+51" />
        <source>Rows for review</source>
        <translation>待人工核对的行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Choose where each row lies, or leave it out; only the rows placed here are imported.</source>
        <translation>为每行选择其所在地址，或选择不导入；只导入在此定位的行。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tables and maps (*.csv *.txt *.xlsx *.geojson *.json *.shp)</source>
        <translation>表格和地图文件 (*.csv *.txt *.xlsx *.geojson *.json *.shp)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Choose the mapping file</source>
        <translation>选择字段映射文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mapping files (*.json)</source>
        <translation>字段映射文件 (*.json)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Choose a file first.</source>
        <translation>请先选择文件。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reading the file and checking every row…</source>
        <translation>正在读取文件并逐行检查…</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Importing the reviewed rows…</source>
        <translation>正在导入已核对的行…</translation>
    </message>
    <message>
        <location line="+53" />
        <source>The reviewed rows were not imported; nothing was written: %1</source>
        <translation>已核对的行未导入，未写入任何数据：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1 reviewed rows imported at the chosen addresses.</source>
        <translation>已按所选地址导入 %1 行已核对的数据。</translation>
    </message>
    <message>
        <location line="+7" />
        <source>The import failed; nothing was written: %1</source>
        <translation>导入失败，未写入任何数据：%1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Review</source>
        <translation>待人工核对</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 → candidates: %2</source>
        <translation>%1 → 候选地址：%2</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The file cannot be imported: %1</source>
        <translation>该文件无法导入：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 features read; %2 problems: nothing can be imported until they are fixed.</source>
        <translation>读取 %1 个要素；发现 %2 个问题，修正前无法导入任何数据。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 features read; would add or update %2 org units, replace %3 grids, move %4 rows.</source>
        <translation>读取 %1 个要素；将新增或更新 %2 个组织单元，替换 %3 个网格，重新归属 %4 条记录。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 features read; added or updated %2 org units, replaced %3 grids, moved %4 rows.</source>
        <translation>读取 %1 个要素；已新增或更新 %2 个组织单元，替换 %3 个网格，重新归属 %4 条记录。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 rows read; %2 would be imported, %3 rejected, %4 need review (not imported).</source>
        <translation>读取 %1 行；将导入 %2 行，拒绝 %3 行，%4 行待人工核对（不导入）。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 rows read; %2 imported, %3 rejected, %4 need review (not imported).</source>
        <translation>读取 %1 行；已导入 %2 行，拒绝 %3 行，%4 行待人工核对（不导入）。</translation>
    </message>
</context>
<context>
    <name>InboxBulkActions</name>
    <message>
        <location filename="../../widgets/inbox/bulk_actions.py" line="+61" />
        <source>Loading the selected cases…</source>
        <translation>正在加载所选事件…</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+25" />
        <source>%1 (%2 cases)</source>
        <translation>%1（%2件）</translation>
    </message>
    <message>
        <location line="-20" />
        <source>No action is allowed for all selected cases</source>
        <translation>所选事件没有共同可执行的操作</translation>
    </message>
    <message>
        <location line="+39" />
        <source>The action was not applied: %1</source>
        <translation>操作未执行：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: %2 done, %3 refused</source>
        <translation>%1：成功%2件，被拒绝%3件</translation>
    </message>
    <message>
        <location line="+4" />
        <source>… and %1 more</source>
        <translation>…… 另有%1件</translation>
    </message>
    <message>
        <location line="+5" />
        <source>#%1 already %2 by %3</source>
        <translation>#%1 已由 %3 处理，当前为“%2”</translation>
    </message>
    <message>
        <location line="+2" />
        <source>#%1 was changed at another workstation and is now “%2”</source>
        <translation>#%1 已在其他坐席被更改，当前为“%2”</translation>
    </message>
    <message>
        <location line="+2" />
        <source>#%1: %2</source>
        <translation>#%1：%2</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Bulk action</source>
        <translation>批量操作</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../console/qtmodels/inbox_model.py" line="+71" />
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../widgets/inbox/inbox_panel.py" line="+53" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+5" />
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Search by case no., title, address or description</source>
        <translation>按案件编号、标题、地址或描述搜索</translation>
    </message>
    <message>
        <location line="+35" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+24" />
        <location line="+35" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
</context>
<context>
    <name>IncidentActions</name>
    <message>
        <location filename="../../console/qtmodels/incident_labels.py" line="+83" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate / merge</source>
        <translation>重复/合并</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File</source>
        <translation>立案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return</source>
        <translation>回退</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start handling</source>
        <translation>开始处置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Extension</source>
        <translation>延期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cooperation</source>
        <translation>协同</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handling feedback</source>
        <translation>处置反馈</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Resume handling</source>
        <translation>重新处置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Escalate</source>
        <translation>上报升级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervision order</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Recall dispatch</source>
        <translation>撤回派遣</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <location filename="../../widgets/inbox/detail_panel.py" line="+76" />
        <source>Case no.:</source>
        <translation>案件编号：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reported:</source>
        <translation>上报时间：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reporter:</source>
        <translation>上报人：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assignee:</source>
        <translation>承办单位/人：</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Select a case in the inbox to see it here.</source>
        <translation>在事件列表中选择一个案件，在此查看详情。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location line="+58" />
        <source>The action was refused: %1</source>
        <translation>操作被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>IncidentFields</name>
    <message>
        <location filename="../../console/qtmodels/incident_labels.py" line="+3" />
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reporter</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reported at</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate of</source>
        <translation>重复于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervision due</source>
        <translation>督办期限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assigned worker</source>
        <translation>承办网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cooperating unit</source>
        <translation>协同单位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acting user</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispatched by</source>
        <translation>派遣人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispatched at</source>
        <translation>派遣时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reporter's name</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reporter's phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Longitude/latitude</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>IncidentIntake</name>
    <message>
        <location filename="../../widgets/inbox/intake_wiring.py" line="+34" />
        <source>&amp;New incident…</source>
        <translation>新建事件(&amp;N)…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Import incidents…</source>
        <translation>导入事件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Export incidents…</source>
        <translation>导出事件(&amp;E)…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>&amp;Incidents</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>New incident here…</source>
        <translation>在此新建事件…</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Case %1 created in grid %2.</source>
        <translation>已创建事件 %1，所属网格：%2。</translation>
    </message>
</context>
<context>
    <name>IncidentLabels</name>
    <message>
        <location filename="../../console/qtmodels/incident_labels.py" line="-119" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rejected</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Returned</source>
        <translation>已回退</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Handled</source>
        <translation>已处置反馈</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Verifying</source>
        <translation>核查中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Evaluated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Grid worker</source>
        <translation>网格员上报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Citizen app</source>
        <translation>群众App</translation>
    </message>
    <message>
        <location line="+1" />
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>110 non-police</source>
        <translation>110非警务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IoT sensor</source>
        <translation>物联感知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Video</source>
        <translation>视频发现</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3" />
        <source>New</source>
        <translation>新事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To file</source>
        <translation>待立案</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To dispatch</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+28" />
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location line="-27" />
        <location line="+28" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location line="+1" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+1" />
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Public security hazard</source>
        <translation>治安隐患</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Fire safety</source>
        <translation>消防安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Production safety</source>
        <translation>安全生产</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Food safety</source>
        <translation>食品安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rental housing</source>
        <translation>出租房屋</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Special groups</source>
        <translation>特殊人群</translation>
    </message>
    <message>
        <location line="+1" />
        <source>City appearance</source>
        <translation>市容环境</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Advertising</source>
        <translation>宣传广告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Construction</source>
        <translation>施工管理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Street order</source>
        <translation>街面秩序</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Environment</source>
        <translation>生态环境</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Emergency</source>
        <translation>突发事件</translation>
    </message>
</context>
<context>
    <name>IncidentLink</name>
    <message>
        <location filename="../../console/qtmodels/video_incident.py" line="+37" />
        <source>No case is selected.</source>
        <translation>未选择案件。</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../widgets/premises/inspection_dialog.py" line="+40" />
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No QR check-in</source>
        <translation>无扫码签到</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 by %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 (far from the premise)</source>
        <translation>%1（距场所较远）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Problem found (tick)</source>
        <translation>发现问题（勾选）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last visit</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+11" />
        <source>What else the inspector saw or agreed with the owner</source>
        <translation>检查人员的其他发现或与负责人的约定</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Checklist:</source>
        <translation>检查清单：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inspector:</source>
        <translation>检查人员：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check-in:</source>
        <translation>签到：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Tick every item that is NOT in order; a note per item is optional (double-click the Note cell).</source>
        <translation>请勾选所有不合格的项目；每项可选填备注（双击“备注”单元格）。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+14" />
        <source>still open</source>
        <translation>未整改</translation>
    </message>
    <message>
        <location line="+28" />
        <source>No problem ticked: the items of this checklist are recorded as in order.</source>
        <translation>未勾选问题：本检查清单各项记为合格。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 problems ticked, %2 of them serious: the owner is sent a rectification notice by SMS.</source>
        <translation>已勾选 %1 项问题，其中严重 %2 项：将以短信向负责人发送整改通知。</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../widgets/inbox/intake_dialog.py" line="+60" />
        <source>New incident</source>
        <translation>新建事件</translation>
    </message>
    <message>
        <location line="+9" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Mobile or area code and number</source>
        <translation>手机号或区号加座机号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Address or place name; Enter looks it up</source>
        <translation>地址或场所名称，回车查找</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+8" />
        <source>No location yet</source>
        <translation>尚未定位</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Pick on map</source>
        <translation>地图选点</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Reporter</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority:</source>
        <translation>紧急程度：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reporter:</source>
        <translation>反映人：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+30" />
        <source>%1, %2 · finding the grid…</source>
        <translation>%1, %2 · 正在查找网格…</translation>
    </message>
    <message>
        <location line="+13" />
        <source>%1, %2 · in no grid of your jurisdiction</source>
        <translation>%1, %2 · 不在您辖区的网格内</translation>
    </message>
    <message>
        <location line="+4" />
        <source>%1, %2 · grid %3</source>
        <translation>%1, %2 · 网格：%3</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Click the map where the case is…</source>
        <translation>请在地图上点击事发位置…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>No place matches “%1”; pick the point on the map.</source>
        <translation>没有与“%1”匹配的地点，请在地图上选点。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2（%3）</translation>
    </message>
    <message>
        <location line="+55" />
        <source>The case was not created: %1</source>
        <translation>事件未创建：%1</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1: “%2” is not a phone number (an 11-digit mobile, or area code and number).</source>
        <translation>%1：“%2”不是有效的电话号码（应为11位手机号，或区号加座机号）。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: find the address or pick the point on the map.</source>
        <translation>%1：请查找地址或在地图上选点。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 is required.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <location line="+0" />
        <source>%1 is too long.</source>
        <translation>%1过长。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 lies in no grid of your jurisdiction.</source>
        <translation>%1不在您辖区的任何网格内。</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../console/qtmodels/labels.py" line="+16" />
        <source>Restaurant</source>
        <translation>餐饮店</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shop</source>
        <translation>商铺</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rental house</source>
        <translation>出租房屋</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hotel</source>
        <translation>旅馆</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Internet café</source>
        <translation>网吧</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entertainment venue</source>
        <translation>娱乐场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Gas station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hazardous chemicals site</source>
        <translation>危化品场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Office building</source>
        <translation>写字楼</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Industrial park</source>
        <translation>产业园区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shopping mall</source>
        <translation>购物中心</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location line="+1" />
        <source>University</source>
        <translation>高等院校</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Partial rectification</source>
        <translation>部分整改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Full rectification</source>
        <translation>全面整改</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Closed down</source>
        <translation>取缔</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Operator</source>
        <translation>坐席员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>督查员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wall display</source>
        <translation>大屏</translation>
    </message>
    <message>
        <location line="+4" />
        <source>District</source>
        <translation>区（县）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Township / street office</source>
        <translation>乡镇/街道</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Community / village</source>
        <translation>社区/村</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Department</source>
        <translation>职能部门</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../widgets/map/layer_panel.py" line="+53" />
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location line="+2" />
        <source>None (boundaries only)</source>
        <translation>无（仅显示边界）</translation>
    </message>
    <message>
        <location line="+23" />
        <location line="+5" />
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Clusters when zoomed out</source>
        <translation>缩小时聚合显示</translation>
    </message>
    <message numerus="yes">
        <location line="+12" />
        <source>Last %n days</source>
        <translation>
            <numerusform>近%n天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
</context>
<context>
    <name>LiveWiring</name>
    <message>
        <location filename="../../widgets/live/wiring.py" line="+30" />
        <source>Silent workers</source>
        <translation>失联网格员</translation>
    </message>
</context>
<context>
    <name>LocalPage</name>
    <message>
        <location filename="../../widgets/common/first_run_wizard.py" line="-144" />
        <location line="+16" />
        <source>New database file</source>
        <translation>新建数据库文件</translation>
    </message>
    <message>
        <location line="-15" />
        <source>The tables are created now; load data with the import commands.</source>
        <translation>现在创建数据表；数据请用导入命令载入。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>SQLite databases (*.sqlite)</source>
        <translation>SQLite 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>%1 already exists; choose a new file name.</source>
        <translation>%1 已存在，请换一个新文件名。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/common/login_dialog.py" line="+21" />
        <source>Sign in to Pingan Console</source>
        <translation>登录平安图指挥台</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Wrong username or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The database cannot be reached; ask IT staff to check the connection.</source>
        <translation>无法连接数据库，请联系信息技术人员检查连接。</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../../widgets/common/actions.py" line="+12" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Find premise</source>
        <translation>查找场所(&amp;F)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Filter &amp;units</source>
        <translation>筛选单位(&amp;U)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>F&amp;ull screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Default layout</source>
        <translation>默认布局(&amp;D)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Big-screen layout</source>
        <translation>大屏布局(&amp;B)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Save layout as…</source>
        <translation>布局另存为(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;About Pingan Console</source>
        <translation>关于平安图指挥台(&amp;A)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Collect &amp;diagnostics…</source>
        <translation>收集诊断信息(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="+67" />
        <source>Pingan Console</source>
        <translation>平安图指挥台</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Jurisdiction</source>
        <translation>辖区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Incident</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Track replay</source>
        <translation>轨迹回放</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Cameras near here</source>
        <translation>周边视频</translation>
    </message>
    <message>
        <location line="+27" />
        <source>No online camera near this point.</source>
        <translation>此处附近没有在线摄像头。</translation>
    </message>
    <message>
        <location line="+71" />
        <source>Save layout</source>
        <translation>保存布局</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Layout name:</source>
        <translation>布局名称：</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layout “%1” saved.</source>
        <translation>布局“%1”已保存。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layout “%1” no longer fits this window.</source>
        <translation>布局“%1”已不适用于当前窗口。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Layouts</source>
        <translation>布局(&amp;L)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+30" />
        <source>&amp;Delete layout</source>
        <translation>删除布局(&amp;D)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>The language changes the next time the console starts.</source>
        <translation>界面语言将在下次启动指挥台时切换。</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
</context>
<context>
    <name>MapLayers</name>
    <message>
        <location filename="../../console/qtmodels/map_boundaries.py" line="+131" />
        <source>Boundaries and grids</source>
        <translation>边界与网格</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_premises.py" line="+165" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_heat.py" line="+42" />
        <source>Incident heat map</source>
        <translation>事件热力图</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../../console/qtmodels/map_markers.py" line="+58" />
        <source>Awaiting acceptance</source>
        <translation>待受理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Awaiting verification</source>
        <translation>待核查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Camera offline</source>
        <translation>摄像头离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident cluster: overdue share in red</source>
        <translation>事件聚合：红色为超时占比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Position stale</source>
        <translation>位置过时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker offline</source>
        <translation>网格员离线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker online</source>
        <translation>网格员在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Worker position stale</source>
        <translation>网格员位置过时</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_premises.py" line="+53" />
        <source>Premises cluster: count, status shares</source>
        <translation>场所聚合：数量与状态占比</translation>
    </message>
    <message>
        <location filename="../../console/qtmodels/map_heat.py" line="+67" />
        <source>Incident density: low → high</source>
        <translation>事件密度：低 → 高</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../widgets/map/panel.py" line="+111" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Whole district</source>
        <translation>全区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distance</source>
        <translation>测距</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Measure a distance: click points, double-click to end</source>
        <translation>测量距离：依次单击各点，双击结束</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Area</source>
        <translation>测面</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Measure an area: click corners, double-click to end</source>
        <translation>测量面积：依次单击各角点，双击结束</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+23" />
        <source>Zone</source>
        <translation>区域划定</translation>
    </message>
    <message>
        <location line="-23" />
        <source>Zone tool: rings around a point and what lies inside</source>
        <translation>区域划定：以一点为中心画圈，列出圈内对象</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Lasso</source>
        <translation>套索</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lasso selection: drag a free-hand line around objects (or Alt-drag)</source>
        <translation>套索选择：按住鼠标画线圈选对象（或按住 Alt 拖动）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location line="+54" />
        <source>%1, %2 (WGS-84)</source>
        <translation>%1, %2（WGS-84）</translation>
    </message>
    <message>
        <location line="+119" />
        <source>Zone centred here</source>
        <translation>以此为中心划定区域</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Copy coordinates</source>
        <translation>复制坐标</translation>
    </message>
</context>
<context>
    <name>MapSearchBox</name>
    <message>
        <location filename="../../widgets/map/search.py" line="+18" />
        <source>Search premises: name, address or code</source>
        <translation>搜索场所：名称、地址或编码</translation>
    </message>
    <message>
        <location line="+22" />
        <source>No premise matches “%1”.</source>
        <translation>没有与“%1”匹配的场所。</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <location filename="../../widgets/map/tools.py" line="+72" />
        <source>Area %1 · perimeter %2</source>
        <translation>面积 %1 · 周长 %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distance %1</source>
        <translation>距离 %1</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../widgets/inbox/mapping_editor.py" line="+26" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+15" />
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
</context>
<context>
    <name>OrgTreeModel</name>
    <message>
        <location filename="../../console/qtmodels/org_tree.py" line="+60" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open incidents</source>
        <translation>在办事件</translation>
    </message>
</context>
<context>
    <name>OrgTreePanel</name>
    <message>
        <location filename="../../widgets/org/org_tree_panel.py" line="+22" />
        <source>Filter units by name or code</source>
        <translation>按名称或代码筛选单位</translation>
    </message>
</context>
<context>
    <name>OverviewInset</name>
    <message>
        <location filename="../../widgets/map/overview.py" line="+36" />
        <source>Overview: click or drag to move the map</source>
        <translation>鹰眼：单击或拖动以移动地图</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../widgets/common/photo_strip.py" line="+94" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove photo…</source>
        <translation>删除照片…</translation>
    </message>
</context>
<context>
    <name>PremiseFields</name>
    <message>
        <location filename="../../console/qtmodels/labels.py" line="+5" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner phone</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Licence no.</source>
        <translation>证照号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Responsible worker</source>
        <translation>责任网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last inspection</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Next inspection</source>
        <translation>下次检查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parent code</source>
        <translation>上级编码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Parent name</source>
        <translation>上级名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Boundary</source>
        <translation>边界</translation>
    </message>
    <message>
        <location filename="../../widgets/premises/dossier_sections.py" line="-66" />
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+23" />
        <source>No open problems.</source>
        <translation>无未整改问题。</translation>
    </message>
</context>
<context>
    <name>PremiseFormDialog</name>
    <message>
        <location filename="../../widgets/premises/premise_form.py" line="+38" />
        <source>Edit premise %1</source>
        <translation>编辑场所 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New premise</source>
        <translation>新建场所</translation>
    </message>
    <message>
        <location line="+15" />
        <source>mobile or landline, e.g. 0592-1234567</source>
        <translation>手机或固定电话，如 0592-1234567</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unified social credit code or licence number</source>
        <translation>统一社会信用代码或许可证号</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>PremisesPanel</name>
    <message>
        <location filename="../../widgets/premises/premises_panel.py" line="+39" />
        <source>Search premises by name, address or code</source>
        <translation>按名称、地址或编码搜索场所</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+33" />
        <source>%1 premises in total</source>
        <translation>共 %1 个场所</translation>
    </message>
</context>
<context>
    <name>PremisesTableModel</name>
    <message>
        <location filename="../../console/qtmodels/premises_table.py" line="+46" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Next inspection</source>
        <translation>下次排查</translation>
    </message>
</context>
<context>
    <name>RankingLabels</name>
    <message>
        <location filename="../../console/qtmodels/review_ranking.py" line="+27" />
        <location line="+109" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="-108" />
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Townships</source>
        <translation>街道</translation>
    </message>
    <message>
        <location line="+4" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+96" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="-96" />
        <location line="+98" />
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <location line="-97" />
        <location line="+100" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="-100" />
        <location line="+102" />
        <source>Movement</source>
        <translation>升降</translation>
    </message>
    <message>
        <location line="-6" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Previous rank</source>
        <translation>上期排名</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../widgets/review/ranking_panel.py" line="+69" />
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Within %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Export ranking</source>
        <translation>导出排名</translation>
    </message>
</context>
<context>
    <name>RectificationNotice</name>
    <message>
        <location filename="../../console/qtmodels/premise_print.py" line="+86" />
        <source>Premise</source>
        <translation>场所名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise code</source>
        <translation>场所编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Licence no.</source>
        <translation>证照号码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location line="+1" />
        <source>On %1 an inspection of your premises found the %2 problems listed below. You are required to rectify them by %3; the premises will be re-inspected on that day. Problems not rectified by then will be dealt with according to law.</source>
        <translation>经%1检查，你单位存在下列%2项问题，现责令你单位于%3前整改完毕，届时将进行复查。逾期未整改的，将依法处理。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No. %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rectification notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location line="+1" />
        <source>To %1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problems to rectify</source>
        <translation>需整改的问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rectification deadline and re-inspection: %1</source>
        <translation>整改期限及复查日期：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inspector (signature):</source>
        <translation>检查人员（签名）：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner (signature):</source>
        <translation>负责人（签名）：</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Issued on %1</source>
        <translation>签发日期：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rectification notice %1</source>
        <translation>整改通知书 %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise QR code %1: scan it to check in at the re-inspection.</source>
        <translation>场所二维码 %1：复查时扫码签到。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Premise QR labels</source>
        <translation>场所二维码标签</translation>
    </message>
</context>
<context>
    <name>ReplayExports</name>
    <message>
        <location filename="../../widgets/review/replay_exports.py" line="+31" />
        <source>Export GPX…</source>
        <translation>导出 GPX…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Day sheet (PDF)…</source>
        <translation>工作日志（PDF）…</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Every replayed worker's day as shown</source>
        <translation>每位回放网格员当天的轨迹，与所见一致</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location line="+4" />
        <source>GPX files (*.gpx)</source>
        <translation>GPX 文件 (*.gpx)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReviewTable</name>
    <message>
        <location filename="../../widgets/premises/import_review.py" line="+26" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Address in the file</source>
        <translation>文件中的地址</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Place at</source>
        <translation>定位到</translation>
    </message>
    <message>
        <location line="+16" />
        <source>leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 (score %2)</source>
        <translation>%1（匹配度 %2）</translation>
    </message>
</context>
<context>
    <name>ScoreLabels</name>
    <message>
        <location filename="../../console/qtmodels/review_worker_card.py" line="+32" />
        <source>Work check-in</source>
        <translation>工作签到</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Home visit</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Public opinion collection</source>
        <translation>社情民意收集</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Key place patrol</source>
        <translation>重点场所巡查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Floating population upkeep</source>
        <translation>流动人口维护</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rental house upkeep</source>
        <translation>出租房屋维护</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Security hazard found</source>
        <translation>发现治安隐患</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Special groups service</source>
        <translation>特殊人群服务</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dispute mediation</source>
        <translation>矛盾纠纷调处</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident report</source>
        <translation>事件上报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Anti-gang publicity</source>
        <translation>扫黑除恶宣传</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Safety publicity</source>
        <translation>平安宣传</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Inspection overdue</source>
        <translation>排查超期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident handled late</source>
        <translation>事件办理超时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Missed check-in</source>
        <translation>未签到</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manual adjustment</source>
        <translation>人工调整</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Inspection</source>
        <translation>排查</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Task log</source>
        <translation>工作日志</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premise</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Adjustment</source>
        <translation>积分调整</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+3" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+2" />
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Source record</source>
        <translation>来源记录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>About</source>
        <translation>相关对象</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <location line="+118" />
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distance (km)</source>
        <translation>里程(公里)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score lines</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Adjustments</source>
        <translation>积分调整</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../widgets/common/first_run_wizard.py" line="+19" />
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Ask IT staff for these details. Test the connection before finishing.</source>
        <translation>以下信息请向信息技术人员索取。完成前请先测试连接。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Use TLS when the server offers it</source>
        <translation>服务器支持时使用 TLS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Require TLS</source>
        <translation>必须使用 TLS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Require TLS and verify the server certificate</source>
        <translation>必须使用 TLS 并校验服务器证书</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No TLS</source>
        <translation>不使用 TLS</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Apply migrations</source>
        <translation>升级数据库结构</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1" />
        <source>TLS</source>
        <translation>TLS 加密</translation>
    </message>
    <message>
        <location line="+31" />
        <source>This user may not change the schema; ask the database administrator to run `pingan db upgrade`.</source>
        <translation>该用户无权修改数据库结构，请联系数据库管理员运行 `pingan db upgrade`。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Fill in the host, the database and the user name.</source>
        <translation>请填写主机、数据库和用户名。</translation>
    </message>
</context>
<context>
    <name>SilenceNoticesPanel</name>
    <message>
        <location filename="../../widgets/live/notices_panel.py" line="+37" />
        <source>%1 %2 (%3): no position since %4</source>
        <translation>%1 %2（%3）：自 %4 起无定位</translation>
    </message>
    <message>
        <location line="+20" />
        <source>%1 workers silent during duty hours (%2)</source>
        <translation>工作时间（%2）内 %1 名网格员失联</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No worker silent during duty hours (%1)</source>
        <translation>工作时间（%1）内无网格员失联</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../widgets/app.py" line="+98" />
        <source>Districts, townships, communities and grids</source>
        <translation>区、街道、社区和网格</translation>
    </message>
    <message>
        <location line="+1" />
        <source>User accounts</source>
        <translation>用户账号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Checklists</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid workers' tracks</source>
        <translation>网格员轨迹</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+50" />
        <source>Pingan Console</source>
        <translation>平安图指挥台</translation>
    </message>
    <message>
        <location line="-49" />
        <source>Creating the demo district (first start only)…</source>
        <translation>正在创建演示辖区（仅首次启动）…</translation>
    </message>
    <message>
        <location line="+50" />
        <source>The console cannot start:</source>
        <translation>指挥台无法启动：</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../widgets/premises/dossier_sections.py" line="+54" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TrackReplayPanel</name>
    <message>
        <location filename="../../widgets/review/replay_panel.py" line="+64" />
        <source>Search workers by name or code</source>
        <translation>按姓名或编号搜索网格员</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Compare with…</source>
        <translation>对比网格员…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Replay this worker too, on the same timeline</source>
        <translation>同时回放该网格员（共用时间轴）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+17" />
        <source>East (m)</source>
        <translation>东向 (米)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>North (m)</source>
        <translation>北向 (米)</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+167" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-149" />
        <source>Worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../widgets/review/replay_text.py" line="+25" />
        <source>No positions on this day.</source>
        <translation>当日无轨迹点。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Distance %1 km · moving %2 · stopped %3 · %4 stops · inside own grids %5 · outside %6 · premises visited %7 of %8 due · %9 fixes dropped</source>
        <translation>里程 %1 公里 · 移动 %2 · 停留 %3 · 停留点 %4 个 · 本网格内 %5 · 网格外 %6 · 已走访场所 %7 / 应检 %8 · 剔除定位点 %9 个</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Check-in (far from the premise)</source>
        <translation>签到（距场所过远）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Incident report</source>
        <translation>事件上报</translation>
    </message>
    <message>
        <location filename="../../widgets/review/replay_panel.py" line="+147" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/review/replay_stops.py" line="+48" />
        <source>%1 stays · %2</source>
        <translation>%1次 · 共%2</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../../widgets/video/panel.py" line="+55" />
        <location line="+88" />
        <source>Save preset</source>
        <translation>保存预案</translation>
    </message>
    <message>
        <location line="-86" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+102" />
        <source>Start tour</source>
        <translation>开始轮巡</translation>
    </message>
    <message>
        <location line="-100" />
        <source>Tear off</source>
        <translation>弹出窗口</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Preset</source>
        <translation>预案</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Snapshot attached to case %1.</source>
        <translation>截图已附加到案件 %1。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The snapshot was not attached: %1</source>
        <translation>截图未能附加：%1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>The tile has no picture to attach.</source>
        <translation>该画面暂无图像，无法附加截图。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Preset name:</source>
        <translation>预案名称：</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Stop tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video/tile.py" line="+127" />
        <source>native window</source>
        <translation>原生窗口渲染</translation>
    </message>
    <message>
        <location line="+1" />
        <source>frames painted by the console</source>
        <translation>控制台逐帧绘制</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Drop a camera here</source>
        <translation>将摄像头拖到此处</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cannot play: %1</source>
        <translation>无法播放：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0" />
        <source>lost</source>
        <translation>中断</translation>
    </message>
    <message>
        <location line="+114" />
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Attach snapshot to case %1</source>
        <translation>将截图附加到案件 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>VideoWiring</name>
    <message>
        <location filename="../../widgets/video/wiring.py" line="+33" />
        <source>Camera state not saved: %1</source>
        <translation>摄像机在线状态未能保存：%1</translation>
    </message>
</context>
<context>
    <name>WorkerCardPanel</name>
    <message>
        <location filename="../../widgets/review/worker_card.py" line="+78" />
        <source>Double-click a grid worker in the ranking to open their card.</source>
        <translation>在排名中双击网格员即可打开其积分卡。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Replay day</source>
        <translation>回放当日轨迹</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Daily score</source>
        <translation>每日积分</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Distance per day (km)</source>
        <translation>每日里程(公里)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Task mix (tasks)</source>
        <translation>任务构成(件)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Score lines</source>
        <translation>积分明细</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Deductions</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manual adjustments</source>
        <translation>人工调整</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="+48" />
        <source>Total %1 points</source>
        <translation>总分 %1 分</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Deductions (%1)</source>
        <translation>扣分 (%1)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manual adjustments (%1)</source>
        <translation>人工调整 (%1)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>All %1 score lines of the period</source>
        <translation>本周期全部 %1 条积分明细</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1: %2 points in %3 score lines</source>
        <translation>%1：%2 分，%3 条积分明细</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Export worker card</source>
        <translation>导出网格员积分卡</translation>
    </message>
</context>
<context>
    <name>WorkerCardWiring</name>
    <message>
        <location filename="../../widgets/review/card_wiring.py" line="+38" />
        <source>Worker card</source>
        <translation>网格员积分卡</translation>
    </message>
</context>
<context>
    <name>XlsxSave</name>
    <message>
        <location filename="../../widgets/review/xlsx_save.py" line="+16" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ZonePanel</name>
    <message>
        <location filename="../../widgets/map/zone_panel.py" line="+42" />
        <source>Sealed zone</source>
        <translation>封控区</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Controlled zone</source>
        <translation>管控区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Precaution zone</source>
        <translation>防范区</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Premises</source>
        <translation>场所</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Grid workers</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open incidents</source>
        <translation>在办事件</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+90" />
        <source>Click “Pick centre”, then a point on the map.</source>
        <translation>单击“选取中心”，再单击地图上的一点。</translation>
    </message>
    <message>
        <location line="-88" />
        <source>Pick centre</source>
        <translation>选取中心</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+86" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-86" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Export to XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Centre %1, %2 (WGS-84)</source>
        <translation>中心 %1, %2（WGS-84）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Each ring must be larger than the one inside it.</source>
        <translation>每一圈的半径必须大于其内圈。</translation>
    </message>
    <message>
        <location line="+46" />
        <source>Export zone</source>
        <translation>导出区域</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
</context>
</TS>